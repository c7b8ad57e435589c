import type { Database } from "@profilehub/db";
import { createIssue, type Issue, type UserUpdate } from "@profilehub/validators";
import { hashPassword, verifyPassword } from "../../auth/passwords";
import type { DoorPolicy } from "../../doors";
import { userMatches, type UserRef } from "../database/sql";
import type { PreparedSecrets } from "./update-plan";

async function currentPasswordHash(db: Database, target: UserRef): Promise<string | null | undefined> {
  const rows = await db.$queryRaw<{ passwordHash: string | null }[]>`
    SELECT u."passwordHash" FROM users u WHERE ${userMatches("u", target)}`;
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
    return { stored: { password: update.passwordHash }, revokeSessions: policy.passwordChangeRevokes };
  }
  if (update.password === undefined) return {};
  const current = await currentPasswordHash(db, target);
  if (current === undefined) return {}; // no such user: the update statement reports it
  if (current !== null && policy.requireCurrentPassword) {
    if (update.currentPassword === undefined) {
      issues.push(createIssue("currentPassword", "current_password_required"));
    } else if (!(await verifyPassword(current, update.currentPassword))) {
      issues.push(createIssue("currentPassword", "current_password_incorrect"));
    }
  }
  if (current !== null && (await verifyPassword(current, update.password))) {
    issues.push(createIssue("password", "password_unchanged"));
  }
  if (issues.length > 0) return {};
  // The door's policy decides which sessions go; a user may keep their other devices signed in.
  const keepOthers = policy.passwordChangeRevokes === "others" && update.signOutOtherSessions === false;
  return {
    stored: { password: await hashPassword(update.password) },
    ...(keepOthers ? {} : { revokeSessions: policy.passwordChangeRevokes }),
    expectedPasswordHash: current,
  };
}
