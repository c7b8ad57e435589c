import type { Database } from "@profilehub/db";

import { hashPassword, verifyAgainstDummy, verifyPassword } from "../../auth/passwords";
import type { AbuseLimits } from "../../config/abuse-limits";
import type { ClientInfo } from "../../context";
import type { SecretBox } from "../../crypto/secret-box";
import { appError } from "../../errors";
import type { MailNotifier } from "../../mail/notifier";
import { enforceLimits, forgiveHits } from "../abuse/abuse-limits";
import { signInLimits } from "../abuse/limit-keys";
import { type StartedSession, startSession } from "../sessions/start-session";
import { checkUserTotp } from "../totp/check-code";
import { consumeRecoveryCode } from "../totp/recovery-codes";

/** Our own hashes use exactly these parameters; anything else (imports) is upgraded at sign-in. */
const CURRENT_HASH_PREFIX = "$argon2id$v=19$m=19456,t=2,p=1$";

/**
 * Checks email + password within a project and opens a session. Unknown emails cost the same
 * hashing time as wrong passwords, and get the same error. Failures are limited per account and
 * client address, per address and (far higher) per account: each attempt is counted before the
 * password is checked (so concurrent guesses cannot slip past a limit) and taken back when it
 * succeeds; an address over its limits cannot count against the account any further.
 * With two-factor on, the current TOTP code is required too (each code works once), or instead one
 * of the user's recovery codes (spent by this sign-in, with its security event). The session and
 * the `sign_in` security event (alert mail if wanted) are written in one statement.
 */
export async function passwordSignIn(
  db: Database,
  secretBox: SecretBox,
  request: {
    email: string;
    password: string;
    /** The current code of the user's authenticator, required when two-factor is on. */
    totp?: string | undefined;
    /** A recovery code (normalized), accepted instead of `totp`; each works once. */
    recoveryCode?: string | undefined;
    projectId: string;
    client: ClientInfo;
    limits: AbuseLimits;
    /** Also give the session a browser secret (the httpOnly cookie of the web app). */
    web?: boolean;
    /** Two-factor is on and no code was sent: what to throw instead of `totp_required` (the password counts as right). */
    totpRequired?: (userId: string) => Error;
    /** The door and request, recorded with the `sign_in` security event. */
    door: string;
    requestId: string;
    /** Poked when a sign-in alert mail was queued. */
    mail: MailNotifier;
  },
): Promise<StartedSession & { userId: string }> {
  const counters = signInLimits(request.limits, request, request.client.ip);
  await enforceLimits(db, [counters.accountIp, counters.ip], [counters.account]);
  const rows = await db.$queryRaw<{ id: string; passwordHash: string | null; emailAuthEnabled: boolean }[]>`
    SELECT id, "passwordHash", "emailAuthEnabled" FROM users
    WHERE "projectId" = ${request.projectId} AND email = ${request.email}`;
  const user = rows[0];
  const valid =
    user?.passwordHash && user.emailAuthEnabled
      ? await verifyPassword(user.passwordHash, request.password)
      : await verifyAgainstDummy(request.password);
  if (!user || !valid) throw appError("invalid_credentials");
  await checkSecondFactor(db, secretBox, { ...request, userId: user.id }, counters);
  if (user.passwordHash && !user.passwordHash.startsWith(CURRENT_HASH_PREFIX)) {
    const upgraded = await hashPassword(request.password);
    await db.$executeRaw`
      UPDATE users SET "passwordHash" = ${upgraded}
      WHERE id = ${user.id}::uuid AND "passwordHash" = ${user.passwordHash}`;
  }
  await forgiveHits(db, { decrement: [counters.ip, counters.account], clear: [counters.accountIp] });
  const session = await startSession(db, user.id, request.client, {
    web: request.web ?? false,
    signIn: { door: request.door, requestId: request.requestId },
  });
  if (session.alerted) request.mail.notify();
  await db.$executeRaw`UPDATE users SET "lastActiveAt" = now() WHERE id = ${user.id}::uuid`;
  return { userId: user.id, ...session };
}

/**
 * With two-factor on: the TOTP code, or a recovery code instead. Throws `totp_required` when
 * neither was sent and `totp_invalid` for a wrong or spent one (both counted as failed sign-ins).
 */
async function checkSecondFactor(
  db: Database,
  secretBox: SecretBox,
  request: Parameters<typeof passwordSignIn>[2] & { userId: string },
  counters: ReturnType<typeof signInLimits>,
): Promise<void> {
  const { recoveryCode } = request;
  const totp = await checkUserTotp(
    db,
    secretBox,
    request.userId,
    recoveryCode === undefined ? request.totp : undefined,
  );
  if (totp === null || totp) return;
  if (recoveryCode !== undefined) {
    if (!(await consumeRecoveryCode({ db, mail: request.mail }, { ...request, code: recoveryCode }))) {
      throw appError("totp_invalid");
    }
    return;
  }
  if (request.totp !== undefined) throw appError("totp_invalid");
  if (!request.totpRequired) throw appError("totp_required");
  // The password was right: its guess is taken back, the code's step counts its own (totp-sign-in.ts).
  await forgiveHits(db, { decrement: [counters.ip, counters.account], clear: [counters.accountIp] });
  throw request.totpRequired(request.userId);
}
