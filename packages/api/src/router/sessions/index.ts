import { z } from "zod";

import { appError, invalidField } from "../../errors";
import { listSessions } from "../../services/sessions/list-sessions";
import { endSessions } from "../../services/sessions/revoke-session";
import { authedProcedure, router } from "../../trpc";

const sessionSchema = z.object({
  id: z.uuid(),
  current: z.boolean(),
  device: z.string(),
  ipAddress: z.string().nullable(),
  createdAt: z.string(),
  lastActiveAt: z.string(),
  expiresAt: z.string(),
});

/** The caller's own sessions (devices): list, revoke one, sign out everywhere else. */
export const sessionsRouter = router({
  list: authedProcedure
    .output(z.array(sessionSchema))
    .query(({ ctx }) => listSessions(ctx.services.db, ctx.session.userId, ctx.session.sessionId)),
  revoke: authedProcedure
    .input(
      z.strictObject({
        sessionId: z.uuid({ error: "sessionId must be a UUID" }),
        /** Refuse the caller's own session (`current_session`): Stack's door keeps it for sign-out. */
        keepCurrent: z.boolean().optional(),
      }),
    )
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      if (input.keepCurrent && input.sessionId === ctx.session.sessionId) {
        throw invalidField("sessionId", "current_session");
      }
      const ended = await endSessions(ctx.services.db, {
        userId: ctx.session.userId,
        which: { sessionId: input.sessionId },
        reason: "revoked_by_user",
        event: {
          kind: input.sessionId === ctx.session.sessionId ? "sign_out" : "session_revoked",
          door: ctx.door,
          requestId: ctx.requestId,
        },
      });
      if (ended === 0) {
        throw appError("user_not_found", { of: "session" });
      }
      if (input.sessionId === ctx.session.sessionId) ctx.sessionCookie?.clear();
      return { ok: true as const };
    }),
  revokeOthers: authedProcedure.output(z.object({ revoked: z.number().int() })).mutation(async ({ ctx }) => ({
    revoked: await endSessions(ctx.services.db, {
      userId: ctx.session.userId,
      which: { allBut: ctx.session.sessionId },
      reason: "revoked_by_user",
      event: { kind: "session_revoked", door: ctx.door, requestId: ctx.requestId },
    }),
  })),
});
