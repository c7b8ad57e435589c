import { type Database, Prisma } from "@profilehub/db";

import { hashOpaqueToken, newOpaqueToken } from "../../auth/opaque-token";
import type { LimitRule } from "../../config/abuse-limits";
import { appError } from "../../errors";
import { verifyEmailLink, verifyNewEmailMail } from "../../mail/templates";
import { enforceLimits } from "../abuse/abuse-limits";
import { emailTokenInsert, outboxInsert } from "../database/sql";

/** Resends of the sign-up verification mail allowed per account (README: limits). */
export const RESEND_VERIFICATION_LIMIT: LimitRule = { limit: 3, windowSeconds: 3600 };

export type ResendVerificationResult = { status: "sent"; email: string } | { status: "already_verified" };

/**
 * Mails a new verification link for the account's current address (the sign-up one, or the one it
 * has now), unless it is already verified. Rate-limited per account; earlier links keep working
 * until they expire. The link and the mail are written in one statement.
 */
export async function resendVerification(
  db: Database,
  appUrl: string,
  userId: string,
): Promise<ResendVerificationResult> {
  const [user] = await db.$queryRaw<{ email: string; verified: boolean }[]>`
    SELECT email, "emailVerifiedAt" IS NOT NULL AS verified FROM users WHERE id = ${userId}::uuid`;
  if (!user) throw appError("session_revoked");
  if (user.verified) return { status: "already_verified" };
  await enforceLimits(db, [
    { key: `verification-resend:${userId}`, kind: "verification-resend", rule: RESEND_VERIFICATION_LIMIT },
  ]);

  const token = newOpaqueToken();
  const mail = verifyNewEmailMail(user.email, verifyEmailLink(appUrl, token));
  // Only while the address is still the one read above and still unverified.
  const target = Prisma.sql`target`;
  const link = emailTokenInsert({
    userId: Prisma.sql`id`,
    purpose: "verify_email",
    email: Prisma.sql`email`,
    tokenHash: hashOpaqueToken(token),
    from: target,
  });
  const queued = outboxInsert({
    userId: Prisma.sql`id`,
    kind: "email_verify",
    to: Prisma.sql`email`,
    mail,
    from: target,
  });
  const written = await db.$queryRaw<{ id: string }[]>`
    WITH target AS (
      SELECT id, email FROM users
      WHERE id = ${userId}::uuid AND email = ${user.email} AND "emailVerifiedAt" IS NULL
    ), link AS (${link}), mail AS (${queued})
    SELECT id FROM target`;
  return written.length > 0 ? { status: "sent", email: user.email } : { status: "already_verified" };
}
