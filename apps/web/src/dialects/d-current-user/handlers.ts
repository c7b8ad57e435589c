import { defineRoute } from "@/server/http/define-route";

import { asObject, notAnObject, unknownFieldProblems } from "../shared/fields";
import { currentUserFields } from "./contract";
import { currentUserDoor } from "./door";
import { stackFailure } from "./errors";
import { stackErrorResponse } from "./known-errors";
import { normalizeBody } from "./request";
import { currentUserResponse } from "./response";
import { stackAccessType } from "./stack-auth";

/** `GET /api/v1/users/me`: the signed-in user (with `server_metadata` for server access). */
export const getCurrentUser = defineRoute(currentUserDoor, async ({ request, caller }) => {
  const access = stackAccessType(request);
  if (!access.ok) return stackErrorResponse(access.error, request);
  return currentUserResponse(await caller.me.get(), access.accessType === "server");
});

/**
 * `PATCH /api/v1/users/me`: client access writes the client fields, server access every documented
 * field (door policy `dialect-d`); metadata is replaced; password and password_hash sign out every session.
 */
export const updateCurrentUser = defineRoute(currentUserDoor, async (args) => {
  const { request, ctx, callerWith, body } = args;
  const access = stackAccessType(request);
  if (!access.ok) return stackErrorResponse(access.error, request);
  const object = body === undefined ? {} : asObject(body);
  const { changes, unknown } = currentUserFields.toCanonical(normalizeBody(object ?? {}));
  const problems = object ? unknownFieldProblems(unknown) : [notAnObject()];
  try {
    return currentUserResponse(await callerWith(problems).me.update(changes), access.accessType === "server");
  } catch (error) {
    // What the request named (team, email, keys), for Stack's error details.
    return stackFailure(error, request, ctx.requestId, {
      userId: ctx.session?.userId,
      teamId: object?.selected_team_id,
      email: object?.primary_email,
      bodyKeys: Object.keys(object ?? {}),
    });
  }
});

/**
 * `DELETE /api/v1/users/me` (Stack's `user.delete()`): `me.delete` → 200 `{"success": true}`. Client
 * access needs the project's `clientUserDeletionEnabled` (else Stack's plain 400); server access does not.
 */
export const deleteCurrentUser = defineRoute(currentUserDoor, async ({ request, caller }) => {
  const access = stackAccessType(request);
  if (!access.ok) return stackErrorResponse(access.error, request);
  await caller.me.delete({});
  return Response.json({ success: true });
});
