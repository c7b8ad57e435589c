import type { Database } from "@profilehub/db";
import { createIssue, type Issue, type UserUpdate } from "@profilehub/validators";

import { hashPassword, verifyPassword } from "../../auth/passwords";
import type { LimitRule } from "../../config/abuse-limits";
import type { DoorPolicy } from "../../doors";
import { enforceLimits, forgiveHits } from "../abuse/abuse-limits";
import { currentPasswordLimit } from "../abuse/limit-keys";
import { userMatches, type UserRef } from "../database/sql";
import type { PreparedSecrets } from "./update-plan";

async function currentPasswordOf(
  db: Database,
  target: UserRef,
): Promise<{ id: string; passwordHash: string | null } | undefined> {
  const rows = await db.$queryRaw<{ id: string; passwordHash: string | null }[]>`
    SELECT u.id, u."passwordHash" FROM users u WHERE ${userMatches("u", target)}`;
  return rows[0];
}

/**
 * A `currentPassword` guess, limited per account: counted before it is checked (so concurrent
 * guesses cannot slip past the limit), the count cleared once the right one is given.
 */
export async function provesCurrentPassword(
  db: Database,
  user: { id: string; passwordHash: string },
  guess: string,
  limit: LimitRule,
): Promise<boolean> {
  const counter = currentPasswordLimit(limit, user.id);
  await enforceLimits(db, [counter]);
  const right = await verifyPassword(user.passwordHash, guess);
  if (right) await forgiveHits(db, { decrement: [], clear: [counter] });
  return right;
}

/**
 * A new password: proves the current one when the door's policy asks for it (guesses limited per
 * account), refuses the current password as the new one, and hashes it (argon2id, off the event
 * loop). Imported hashes are stored as given. Either way the policy's sessions are revoked with
 * the write. Whether the new password equals the current one is only said to a caller who proved
 * the current one (or needs not): otherwise it would answer guesses past the limit.
 */
export async function preparePassword(
  db: Database,
  target: UserRef,
  update: UserUpdate,
  policy: DoorPolicy,
  issues: Issue[],
  guessLimit: LimitRule,
): Promise<PreparedSecrets> {
  if (update.passwordHash !== undefined) {
    return { stored: { password: update.passwordHash }, revokeSessions: policy.passwordChangeRevokes };
  }
  if (update.password === undefined) return {};
  const user = await currentPasswordOf(db, target);
  if (user === undefined) return {}; // no such user: the update statement reports it
  const current = user.passwordHash;
  let proven = true;
  if (current !== null && policy.requireCurrentPassword) {
    if (update.currentPassword === undefined) {
      issues.push(createIssue("currentPassword", "current_password_required"));
      proven = false;
    } else if (
      !(await provesCurrentPassword(db, { id: user.id, passwordHash: current }, update.currentPassword, guessLimit))
    ) {
      issues.push(createIssue("currentPassword", "current_password_incorrect"));
      proven = false;
    }
  }
  if (proven && current !== null && (await verifyPassword(current, update.password))) {
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
