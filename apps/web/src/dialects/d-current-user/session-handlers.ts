import { defineRoute } from "@/server/http/define-route";

import { currentUserDoor } from "./door";
import { stackFailure } from "./errors";
import { stackErrorResponse, statusError } from "./known-errors";
import { stackSuccess } from "./password-handlers";
import { toStackSession } from "./response";
import { stackAccessType } from "./stack-auth";

/**
 * The `user_id` query of Stack's list/delete: this door serves the caller's own sessions only
 * (`me`, or the caller's id), which is all the SDK's `getActiveSessions`/`revokeSession` ask for.
 */
function ownSessionsOnly(request: Request, callerId: string | undefined): Response | null {
  const userId = new URL(request.url).searchParams.get("user_id");
  if (userId === "me" || (userId !== null && userId === callerId)) return null;
  return stackErrorResponse(
    statusError(403, "Only the signed-in user's own sessions (user_id=me) are served."),
    request,
  );
}

/** `GET /api/v1/auth/sessions?user_id=me`: `sessions.list`, in Stack's list shape. */
export const listSessions = defineRoute(currentUserDoor, async ({ request, caller, ctx }) => {
  const access = stackAccessType(request);
  if (!access.ok) return stackErrorResponse(access.error, request);
  const refused = ownSessionsOnly(request, ctx.session?.userId);
  if (refused) return refused;
  const sessions = await caller.sessions.list();
  const userId = ctx.session!.userId;
  return Response.json({ items: sessions.map((session) => toStackSession(session, userId)), is_paginated: false });
});

/**
 * `DELETE /api/v1/auth/sessions/{id}?user_id=me`: `sessions.revoke`, keeping the current session
 * as Stack does (CANNOT_DELETE_CURRENT_SESSION); someone else's or an unknown id is Stack's 404.
 */
export const revokeSession = defineRoute<{ sessionId: string }>(
  currentUserDoor,
  async ({ request, caller, ctx, params }) => {
    const access = stackAccessType(request);
    if (!access.ok) return stackErrorResponse(access.error, request);
    const refused = ownSessionsOnly(request, ctx.session?.userId);
    if (refused) return refused;
    try {
      await caller.sessions.revoke({ sessionId: params.sessionId, keepCurrent: true });
      return stackSuccess();
    } catch (error) {
      return stackFailure(error, request, ctx.requestId);
    }
  },
);
