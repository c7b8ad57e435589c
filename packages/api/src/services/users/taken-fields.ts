import { Prisma, type Database } from "@profilehub/db";
import { emailSchema, usernameSchema, type Issue } from "@profilehub/validators";
import type { UserRef } from "./update-statement";

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
  const where = "id" in target ? Prisma.sql`t.id = ${target.id}::uuid` : Prisma.sql`t.number = ${target.number}::int`;
  const emailValue = email.success ? email.data : null;
  const usernameValue = username.success ? username.data : null;
  const rows = await db.$queryRaw<{ emailTaken: boolean; usernameTaken: boolean }[]>`
    SELECT
      EXISTS (SELECT 1 FROM users o WHERE o."projectId" = t."projectId" AND o.id <> t.id AND o.email = ${emailValue}) AS "emailTaken",
      EXISTS (SELECT 1 FROM users o WHERE o."projectId" = t."projectId" AND o.id <> t.id AND o.username = ${usernameValue}) AS "usernameTaken"
    FROM users t WHERE ${where}`;
  const issues: Issue[] = [];
  if (rows[0]?.emailTaken) issues.push({ path: "email", message: "Email has already been taken" });
  if (rows[0]?.usernameTaken) issues.push({ path: "username", message: "Username has already been taken" });
  return issues;
}
