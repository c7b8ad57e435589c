import { defineRoute } from "@/server/http/define-route";

import { usersByIdDoor } from "./door";
import { parseUsersById } from "./request";
import { usersByIdResponse } from "./response";

type Params = { id: string };

/** `GET /users/{id}`: the caller's own user (`{id}` is the user's number), in the same envelope. */
export const getUserById = defineRoute<Params>(usersByIdDoor, async ({ caller, params }) =>
  usersByIdResponse("User retrieved successfully", await caller.users.get({ userNumber: params.id })),
);

/**
 * `PUT /users/{id}`: `{user: {…}}`. Authentication, then the user (404), then ownership (401),
 * then validation (422) — the order of the documented product; the router decides each.
 */
export const updateUserById = defineRoute<Params>(usersByIdDoor, async ({ callerWith, params, body }) => {
  const { changes, problems } = parseUsersById(body);
  const result = await callerWith(problems).users.update({ userNumber: params.id, changes });
  return usersByIdResponse("User updated successfully", result.user);
});
