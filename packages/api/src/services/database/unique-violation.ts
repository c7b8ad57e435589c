import { driverAdapterCause } from "@profilehub/db";
import { createIssue, type Issue } from "@profilehub/validators";

/** The unique constraints users can run into, and the field each one is about. */
const CONSTRAINT_FIELDS: Record<string, string> = {
  users_projectId_email_key: "email",
  users_projectId_username_key: "username",
};

/**
 * If `error` is a unique violation on a user-facing constraint, the field it concerns.
 * (PostgreSQL's adapter names the index; PGlite's names the fields; both keep the message.)
 */
export function uniqueViolation(error: unknown): Issue | undefined {
  const cause = driverAdapterCause(error);
  if (cause?.originalCode !== "23505") return undefined;
  const name = cause.constraint?.index ?? /unique constraint "([^"]+)"/.exec(cause.originalMessage ?? "")?.[1] ?? "";
  const fields = (cause.constraint?.fields ?? []).map((field) => field.replaceAll('"', ""));
  const path = CONSTRAINT_FIELDS[name] ?? Object.values(CONSTRAINT_FIELDS).find((field) => fields.includes(field));
  return path ? createIssue(path, "taken") : createIssue("", "duplicate");
}
