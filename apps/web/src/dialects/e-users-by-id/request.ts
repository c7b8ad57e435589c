import { createIssue, type Issue } from "@profilehub/validators";

import { asObject, unknownFieldProblems } from "../shared/fields";
import { ECHOED_FIELDS, usersByIdFields } from "./contract";

/** A parsed request: the canonical changes, and the problems of its shape. */
export interface UsersByIdRequest {
  changes: Record<string, unknown>;
  problems: Issue[];
}

/**
 * `{user: {…}}` → canonical changes. Rails' `params.require(:user)`: a missing, empty or
 * non-object `user` is a problem. Keys of E's own response (`id`, `roles`, `status`,
 * `created_at`) are ignored; any other unknown key inside `user` is refused. Keys beside `user`
 * are ignored (like path and format parameters in the documented product).
 */
export function parseUsersById(body: unknown): UsersByIdRequest {
  const user = asObject(asObject(body)?.user);
  if (!user || Object.keys(user).length === 0) {
    return { changes: {}, problems: [createIssue("user", "missing_param", { param: "user" })] };
  }
  const { changes, unknown } = usersByIdFields.toCanonical(user, ECHOED_FIELDS);
  return { changes, problems: unknownFieldProblems(unknown) };
}
