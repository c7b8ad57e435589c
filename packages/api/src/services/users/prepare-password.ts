import type { Database } from "@profilehub/db";
import type { Issue, UserUpdate } from "@profilehub/validators";
import { Prisma } from "@profilehub/db";
import { hashPassword, verifyPassword } from "../../auth/passwords";
import type { DoorPolicy } from "../../doors";
import type { UserRef } from "./update-statement";
import type { PreparedSecrets } from "./update-plan";

async function currentPasswordHash(db: Database, target: UserRef): Promise<string | null | undefined> {
  const where = "id" in target ? Prisma.sql`id = ${target.id}::uuid` : Prisma.sql`number = ${target.number}::int`;
  const rows = await db.$queryRaw<{ passwordHash: string | null }[]>`SELECT "passwordHash" FROM users WHERE ${where}`;
  return rows[0] ? rows[0].passwordHash : undefined;
}

/**
 * A new password: proves the current one when the door's policy asks for it, refuses the current
 * password as the new one, and hashes it (argon2id, off the event loop). Imported hashes are
 * stored as given. Either way the policy's sessions are revoked with the write.
 */
export async function preparePassword(
  db: Database,
  target: UserRef,
  update: UserUpdate,
  policy: DoorPolicy,
  issues: Issue[],
): Promise<PreparedSecrets> {
  if (update.passwordHash !== undefined) {
    return { passwordHash: update.passwordHash, revokeSessions: policy.passwordChangeRevokes };
  }
  if (update.password === undefined) return {};
  const current = await currentPasswordHash(db, target);
  if (current === undefined) return {}; // no such user: the update statement reports it
  if (current !== null && policy.requireCurrentPassword) {
    if (update.currentPassword === undefined) {
      issues.push({ path: "currentPassword", message: "Current password is required to set a new password" });
    } else if (!(await verifyPassword(current, update.currentPassword))) {
      issues.push({ path: "currentPassword", message: "Current password is incorrect" });
    }
  }
  if (current !== null && (await verifyPassword(current, update.password))) {
    issues.push({ path: "password", message: "New password must be different from the current password" });
  }
  if (issues.length > 0) return {};
  // The door's policy decides which sessions go; a user may keep their other devices signed in.
  const keepOthers = policy.passwordChangeRevokes === "others" && update.signOutOtherSessions === false;
  return {
    passwordHash: await hashPassword(update.password),
    ...(keepOthers ? {} : { revokeSessions: policy.passwordChangeRevokes }),
    expectedPasswordHash: current,
  };
}
