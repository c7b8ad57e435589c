import type { Database } from "@profilehub/db";
import { type AccountDeleteInput, confirmsAccountDeletion, createIssue, type Issue } from "@profilehub/validators";

import { verifyPassword } from "../../auth/passwords";
import type { LimitRule } from "../../config/abuse-limits";
import type { SecretBox } from "../../crypto/secret-box";
import { appError, validationError } from "../../errors";
import { enforceLimits, forgiveHits } from "../abuse/abuse-limits";
import { currentPasswordLimit } from "../abuse/limit-keys";
import { checkUserTotp } from "../totp/check-code";
import type { DeletionProof } from "./delete-account";

interface Account {
  email: string;
  passwordHash: string | null;
  totpOn: boolean;
}

async function accountOf(db: Database, userId: string): Promise<Account | undefined> {
  const rows = await db.$queryRaw<Account[]>`
    SELECT email, "passwordHash", "totpSecretEncrypted" IS NOT NULL AS "totpOn" FROM users WHERE id = ${userId}::uuid`;
  return rows[0];
}

/** What is missing or mistyped, before any secret is checked (nothing counted). */
function formProblems(account: Account, input: AccountDeleteInput): Issue[] {
  const issues: Issue[] = [];
  if (!input.confirmation?.trim()) issues.push(createIssue("confirmation", "required"));
  else if (!confirmsAccountDeletion(input.confirmation, account.email)) {
    issues.push(createIssue("confirmation", "confirmation_mismatch"));
  }
  if (account.passwordHash !== null && !input.currentPassword) issues.push(createIssue("currentPassword", "required"));
  if (account.totpOn && input.code === undefined) issues.push(createIssue("code", "required"));
  return issues;
}

/**
 * Re-authentication before deleting one's own account (native doors): the typed confirmation is
 * the account's email address, and every factor the account has must be proven — the current
 * password if it has one, the authenticator's code if two-factor is on (both when both are).
 * Every attempt counts against the current-password limit (CURRENT_PASSWORD_LIMIT per account):
 * counted before the secrets are checked, cleared once they are right. The code is checked only
 * after a right password, so a wrong password never spends a code.
 */
export async function proveAccountDeletion(
  db: Database,
  secretBox: SecretBox,
  guessLimit: LimitRule,
  userId: string,
  input: AccountDeleteInput,
): Promise<DeletionProof> {
  const account = await accountOf(db, userId);
  if (!account) throw appError("session_revoked");
  const problems = formProblems(account, input);
  if (problems.length > 0) throw validationError(problems);
  const counter = currentPasswordLimit(guessLimit, userId);
  await enforceLimits(db, [counter]);
  if (account.passwordHash !== null && !(await verifyPassword(account.passwordHash, input.currentPassword ?? ""))) {
    throw validationError([createIssue("currentPassword", "current_password_incorrect")]);
  }
  if (account.totpOn && (await checkUserTotp(db, secretBox, userId, input.code)) !== true) {
    throw validationError([createIssue("code", "totp_code_invalid")]);
  }
  await forgiveHits(db, { decrement: [], clear: [counter] });
  if (account.passwordHash !== null) return account.totpOn ? "password+totp" : "password";
  return account.totpOn ? "totp" : "session";
}
