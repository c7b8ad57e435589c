import { defineRoute } from "@/server/http/define-route";

import { asObject, notAnObject, unknownFieldProblems } from "../shared/fields";
import { currentUserFields } from "./contract";
import { currentUserDoor } from "./door";
import { stackFailure } from "./errors";
import { stackErrorResponse } from "./known-errors";
import { normalizeBody } from "./request";
import { currentUserResponse } from "./response";
import { projectIdOf, stackAccessType } from "./stack-auth";

type UserParams = { userId: string };

/**
 * `GET /api/v1/users/{user_id}` (Stack's server `getUser(id)`): the same `users.get` as every door,
 * within the project the request names (id or Stack UUID); without server access, only oneself.
 */
export const getUserById = defineRoute<UserParams>(currentUserDoor, async ({ request, caller, params }) => {
  const access = stackAccessType(request);
  if (!access.ok) return stackErrorResponse(access.error, request);
  const user = await caller.users.get({ userId: params.userId, projectId: projectIdOf(request) ?? undefined });
  return currentUserResponse(user, access.accessType === "server");
});

/** `PATCH /api/v1/users/{user_id}`: `users.update` with the fields and policy of `PATCH /users/me`. */
export const updateUserById = defineRoute<UserParams>(currentUserDoor, async (args) => {
  const { request, ctx, callerWith, body, params } = args;
  const access = stackAccessType(request);
  if (!access.ok) return stackErrorResponse(access.error, request);
  const object = body === undefined ? {} : asObject(body);
  const { changes, unknown } = currentUserFields.toCanonical(normalizeBody(object ?? {}));
  const problems = object ? unknownFieldProblems(unknown) : [notAnObject()];
  try {
    const target = { userId: params.userId, projectId: projectIdOf(request) ?? undefined };
    const result = await callerWith(problems).users.update({ ...target, changes });
    return currentUserResponse(result.user, access.accessType === "server");
  } catch (error) {
    const subject = {
      userId: params.userId,
      teamId: object?.selected_team_id,
      email: object?.primary_email,
      bodyKeys: Object.keys(object ?? {}),
    };
    return stackFailure(error, request, ctx.requestId, subject);
  }
});

/** `DELETE /api/v1/users/{user_id}` (Stack's server `user.delete()`): `users.delete` → 200 `{"success": true}`. */
export const deleteUserById = defineRoute<UserParams>(currentUserDoor, async ({ request, caller, params }) => {
  const access = stackAccessType(request);
  if (!access.ok) return stackErrorResponse(access.error, request);
  await caller.users.delete({ userId: params.userId, projectId: projectIdOf(request) ?? undefined });
  return Response.json({ success: true });
});
