/** The unique constraints users can run into, and the field each one is about. */
const CONSTRAINT_FIELDS: Record<string, { path: string; message: string }> = {
  users_projectId_email_key: { path: "email", message: "Email has already been taken" },
  users_projectId_username_key: { path: "username", message: "Username has already been taken" },
};

interface DriverCause {
  originalCode?: string;
  originalMessage?: string;
  constraint?: { index?: string; fields?: string[] };
}

function driverCause(error: unknown): DriverCause | undefined {
  const meta = (error as { meta?: { driverAdapterError?: { cause?: DriverCause } } } | null)?.meta;
  return meta?.driverAdapterError?.cause;
}

/**
 * If `error` is a unique violation on a user-facing constraint, the field it concerns.
 * (PostgreSQL's adapter names the index; PGlite's names the fields; both keep the message.)
 */
export function uniqueViolation(error: unknown): { path: string; message: string } | undefined {
  const cause = driverCause(error);
  if (cause?.originalCode !== "23505") return undefined;
  const name = cause.constraint?.index ?? /unique constraint "([^"]+)"/.exec(cause.originalMessage ?? "")?.[1] ?? "";
  const known = CONSTRAINT_FIELDS[name];
  if (known) return known;
  const fields = (cause.constraint?.fields ?? []).map((field) => field.replaceAll('"', ""));
  const match = Object.values(CONSTRAINT_FIELDS).find((entry) => fields.includes(entry.path));
  return match ?? { path: "", message: "A conflicting record already exists" };
}
