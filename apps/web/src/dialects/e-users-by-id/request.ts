import type { Issue } from "@profilehub/validators";
import { asObject } from "../shared/fields";
import { ECHOED_FIELDS, usersByIdFields } from "./contract";
import { humanize } from "./messages";

/** A parsed request: the canonical changes, and the problems of its shape (in E's names and wording). */
export interface UsersByIdRequest {
  changes: Record<string, unknown>;
  issues: Issue[];
}

/** Rails' `params.require(:user)`: a missing, empty or non-object `user` is refused. */
export const MISSING_USER: Issue = { path: "user", message: "param is missing or the value is empty: user" };

/**
 * `{user: {…}}` → canonical changes. Keys of E's own response (`id`, `roles`, `status`,
 * `created_at`) are ignored; any other unknown key inside `user` is refused. Keys beside `user`
 * are ignored (like path and format parameters in the documented product).
 */
export function parseUsersById(body: unknown): UsersByIdRequest {
  const user = asObject(asObject(body)?.user);
  if (!user || Object.keys(user).length === 0) return { changes: {}, issues: [MISSING_USER] };
  const { changes, unknown } = usersByIdFields.toCanonical(user, ECHOED_FIELDS);
  const issues = unknown.map((key) => ({ path: key, message: `${humanize(key)} is not a permitted parameter` }));
  return { changes, issues };
}
