import { appError } from "@profilehub/api";
import { defineRoute, type RouteArgs } from "@/server/http/define-route";
import { usersByIdDoor } from "./door";
import { usersByIdInvalid } from "./errors";
import { parseUsersById } from "./request";
import { usersByIdResponse } from "./response";
import { routerIssues } from "../shared/router-check";
import { fullMessage } from "./messages";
import { userNumberOf } from "./user-number";

type Params = { id: string };
type Caller = RouteArgs<Params>["caller"];

/** A path `{id}` that names no user is a 404 — to an authenticated caller (a 401 comes first). */
async function userNumber(caller: Caller, id: string): Promise<number> {
  const number = userNumberOf(id);
  if (number !== null) return number;
  await caller.me.get();
  throw appError("user_not_found", "User not found");
}

/** `GET /users/{id}`: the caller's own user, in the same envelope. */
export const getUserById = defineRoute<Params>(usersByIdDoor, async ({ caller, params }) => {
  const number = await userNumber(caller, params.id);
  return usersByIdResponse("User retrieved successfully", await caller.users.get({ userNumber: number }));
});

/**
 * `PUT /users/{id}`: `{user: {…}}`. Authentication, then the user (404), then ownership (401),
 * then validation (422) — the order of the documented product; the router decides each.
 */
export const updateUserById = defineRoute<Params>(usersByIdDoor, async ({ caller, params, body }) => {
  const number = await userNumber(caller, params.id);
  const parsed = parseUsersById(body);
  if (parsed.issues.length > 0) {
    const others = await routerIssues(() =>
      caller.users.validateUpdate({ userNumber: number, changes: parsed.changes }),
    );
    return usersByIdInvalid([...parsed.issues, ...others.map(fullMessage)]);
  }
  const result = await caller.users.update({ userNumber: number, changes: parsed.changes });
  return usersByIdResponse("User updated successfully", result.user);
});
