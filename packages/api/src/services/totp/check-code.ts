import type { Database } from "@profilehub/db";

import type { LimitRule } from "../../config/abuse-limits";
import type { SecretBox } from "../../crypto/secret-box";
import { enforceLimits, forgiveHits } from "../abuse/abuse-limits";
import { currentPasswordLimit } from "../abuse/limit-keys";
import { verifyTotp } from "./totp";

/**
 * Checks a user's current TOTP code and consumes its time step atomically, so two requests can
 * never use the same code. `null` when 2FA is off; `false` for a wrong or reused code.
 */
export async function checkUserTotp(
  db: Database,
  secretBox: SecretBox,
  userId: string,
  code: string | undefined,
): Promise<boolean | null> {
  const rows = await db.$queryRaw<{ secret: string | null; lastUsedStep: number | null }[]>`
    SELECT "totpSecretEncrypted" AS secret, "totpLastUsedStep" AS "lastUsedStep" FROM users WHERE id = ${userId}::uuid`;
  const row = rows[0];
  if (!row?.secret) return null;
  if (code === undefined) return false;
  const step = verifyTotp(secretBox.decrypt(row.secret), code, row.lastUsedStep);
  if (step === null) return false;
  const consumed = await db.$executeRaw`
    UPDATE users SET "totpLastUsedStep" = ${step}::int
    WHERE id = ${userId}::uuid AND ("totpLastUsedStep" IS NULL OR "totpLastUsedStep" < ${step}::int)`;
  return consumed === 1;
}

/** Records the step of the code that confirmed a new secret (it cannot be used to sign in again). */
export async function markTotpStepUsed(db: Database, userId: string, step: number): Promise<void> {
  await db.$executeRaw`UPDATE users SET "totpLastUsedStep" = ${step}::int WHERE id = ${userId}::uuid`;
}

/**
 * `checkUserTotp` for a signed-in owner proving it is them (turning two-factor off, new recovery
 * codes): every guess counts against the account's current-password limit (CURRENT_PASSWORD_LIMIT,
 * the same counter as a wrong current password), cleared once a code is right — so a stolen access
 * token cannot try the million codes. Throws `rate_limited` when over the limit.
 */
export async function provesTotpCode(
  db: Database,
  secretBox: SecretBox,
  guessLimit: LimitRule,
  userId: string,
  code: string | undefined,
): Promise<boolean | null> {
  const counter = currentPasswordLimit(guessLimit, userId);
  await enforceLimits(db, [counter]);
  const valid = await checkUserTotp(db, secretBox, userId, code);
  if (valid === true) await forgiveHits(db, { decrement: [], clear: [counter] });
  return valid;
}
