import { z } from "zod";

import { endSessions } from "../../services/sessions/revoke-session";
import { tokenProcedure } from "../../trpc";

/** `POST /api/auth/logout`: revokes the caller's session (idempotent), recorded as a `sign_out` event. */
export const signOutProcedure = tokenProcedure.output(z.object({ ok: z.literal(true) })).mutation(async ({ ctx }) => {
  await endSessions(ctx.services.db, {
    userId: ctx.session.userId,
    which: { sessionId: ctx.session.sessionId },
    reason: "signed_out",
    event: { kind: "sign_out", door: ctx.door, requestId: ctx.requestId },
  });
  ctx.sessionCookie?.clear();
  return { ok: true as const };
});
