import type { Database } from "@profilehub/db";
import { createIssue, emailSchema, type Issue, usernameSchema } from "@profilehub/validators";

import { userMatches, type UserRef } from "../database/sql";

/**
 * When an update already fails validation, also report an email or username that is taken,
 * so the caller sees every problem at once. (Valid updates learn it from the write itself.)
 */
export async function takenFieldIssues(
  db: Database,
  target: UserRef,
  input: Record<string, unknown>,
): Promise<Issue[]> {
  const email = emailSchema.safeParse(input.email);
  const username = usernameSchema.safeParse(input.username);
  if (!email.success && !username.success) return [];
  const emailValue = email.success ? email.data : null;
  const usernameValue = username.success ? username.data : null;
  const rows = await db.$queryRaw<{ emailTaken: boolean; usernameTaken: boolean }[]>`
    SELECT
      EXISTS (SELECT 1 FROM users o WHERE o."projectId" = t."projectId" AND o.id <> t.id AND o.email = ${emailValue}) AS "emailTaken",
      EXISTS (SELECT 1 FROM users o WHERE o."projectId" = t."projectId" AND o.id <> t.id AND o.username = ${usernameValue}) AS "usernameTaken"
    FROM users t WHERE ${userMatches("t", target)}`;
  const issues: Issue[] = [];
  if (rows[0]?.emailTaken) issues.push(createIssue("email", "taken"));
  if (rows[0]?.usernameTaken) issues.push(createIssue("username", "taken"));
  return issues;
}
