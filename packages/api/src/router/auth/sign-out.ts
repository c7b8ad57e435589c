import { z } from "zod";

import { revokeSession } from "../../services/sessions/revoke-session";
import { tokenProcedure } from "../../trpc";

/** `POST /api/auth/logout`: revokes the caller's session (idempotent). */
export const signOutProcedure = tokenProcedure.output(z.object({ ok: z.literal(true) })).mutation(async ({ ctx }) => {
  await revokeSession(ctx.db, ctx.session.sessionId, "signed_out");
  ctx.sessionCookie?.clear();
  return { ok: true as const };
});
