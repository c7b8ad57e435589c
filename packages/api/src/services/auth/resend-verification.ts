import { type Database, Prisma } from "@profilehub/db";

import type { LimitRule } from "../../config/abuse-limits";
import { appError } from "../../errors";
import { enforceLimits } from "../abuse/abuse-limits";
import { verificationResendLimit } from "../abuse/limit-keys";
import { verificationMailStatements } from "./verification-mail";

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
  await enforceLimits(db, [verificationResendLimit(RESEND_VERIFICATION_LIMIT, userId)]);

  // Only while the address is still the one read above and still unverified.
  const { link, queued } = verificationMailStatements(appUrl, user.email, Prisma.sql`target`);
  const written = await db.$queryRaw<{ id: string }[]>`
    WITH target AS (
      SELECT id, email, locale FROM users
      WHERE id = ${userId}::uuid AND email = ${user.email} AND "emailVerifiedAt" IS NULL
    ), link AS (${link}), mail AS (${queued})
    SELECT id FROM target`;
  return written.length > 0 ? { status: "sent", email: user.email } : { status: "already_verified" };
}
