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

/** Our own hashes use exactly these parameters; anything else (imports) is upgraded at sign-in. */
const CURRENT_HASH_PREFIX = "$argon2id$v=19$m=19456,t=2,p=1$";

/**
 * Checks email + password within a project and opens a session. Unknown emails cost the same
 * hashing time as wrong passwords, and get the same error. Failures are limited per account and
 * client address, per address and (far higher) per account: each attempt is counted before the
 * password is checked (so concurrent guesses cannot slip past a limit) and taken back when it
 * succeeds; an address over its limits cannot count against the account any further.
 * With two-factor on, the current TOTP code is required too (each code works once). The session
 * and the `sign_in` security event (alert mail if wanted) are written in one statement.
 */
export async function passwordSignIn(
  db: Database,
  secretBox: SecretBox,
  request: {
    email: string;
    password: string;
    /** The current code of the user's authenticator, required when two-factor is on. */
    totp?: string | undefined;
    projectId: string;
    client: ClientInfo;
    limits: AbuseLimits;
    /** Also give the session a browser secret (the httpOnly cookie of the web app). */
    web?: boolean;
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
  const totp = await checkUserTotp(db, secretBox, user.id, request.totp);
  if (totp === false) {
    throw request.totp === undefined ? appError("totp_required") : appError("totp_invalid");
  }
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
