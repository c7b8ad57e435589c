import type { Database } from "@profilehub/db";

import type { AbuseLimits } from "../../config/abuse-limits";
import type { ClientInfo } from "../../context";
import type { SecretBox } from "../../crypto/secret-box";
import { appError } from "../../errors";
import type { MailNotifier } from "../../mail/notifier";
import { enforceLimits, forgiveHits } from "../abuse/abuse-limits";
import { signInLimits } from "../abuse/limit-keys";
import { type StartedSession, startSession } from "../sessions/start-session";
import { checkUserTotp } from "../totp/check-code";
import type { MfaAttempt } from "./mfa-attempt";

/**
 * The second step of a password sign-in with two-factor on (Stack's `/auth/mfa/sign-in`): the
 * password was proven by the attempt; the TOTP code is counted by the sign-in limits like a
 * password guess (taken back on success), each code works once, and then the session opens with
 * the `sign_in` security event (and its alert mail), as every sign-in.
 */
export async function totpSignIn(
  db: Database,
  secretBox: SecretBox,
  request: {
    attempt: MfaAttempt;
    totp: string;
    client: ClientInfo;
    limits: AbuseLimits;
    /** The door and request, recorded with the `sign_in` security event (as every sign-in). */
    door: string;
    requestId: string;
    /** Poked when a sign-in alert mail was queued. */
    mail: MailNotifier;
  },
): Promise<StartedSession & { userId: string }> {
  const { attempt } = request;
  const counters = signInLimits(request.limits, attempt, request.client.ip);
  await enforceLimits(db, [counters.accountIp, counters.ip], [counters.account]);
  const users = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM users WHERE id = ${attempt.userId}::uuid AND "projectId" = ${attempt.projectId}`;
  if (!users[0]) throw appError("invalid_credentials", { accountGone: true });
  if ((await checkUserTotp(db, secretBox, attempt.userId, request.totp)) === false) throw appError("totp_invalid");
  await forgiveHits(db, { decrement: [counters.ip, counters.account], clear: [counters.accountIp] });
  const session = await startSession(db, attempt.userId, request.client, {
    signIn: { door: request.door, requestId: request.requestId },
  });
  if (session.alerted) request.mail.notify();
  await db.$executeRaw`UPDATE users SET "lastActiveAt" = now() WHERE id = ${attempt.userId}::uuid`;
  return { userId: attempt.userId, ...session };
}
