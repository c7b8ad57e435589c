import { type Database, Prisma } from "@profilehub/db";

import { hashOpaqueToken, newOpaqueToken } from "../../auth/opaque-token";
import type { LimitRule } from "../../config/abuse-limits";
import { PASSWORD_RESET_TTL_MINUTES } from "../../config/lifetimes";
import { inEveryLocale } from "../../mail/localized";
import { passwordResetMail, resetPasswordLink } from "../../mail/password-reset";
import { hitLimits } from "../abuse/abuse-limits";
import { passwordRecoverLimit } from "../abuse/limit-keys";
import { emailTokenInsert, outboxInsert } from "../database/sql";

/** Reset mails per address (and so per account) and hour; past it, requests are silently dropped. */
export const RECOVER_LIMIT: LimitRule = { limit: 3, windowSeconds: 3600 };

/** The `email_tokens` purpose of a password-reset link. */
export const RESET_PASSWORD_PURPOSE = "reset_password";

/**
 * Mails a single-use reset link (1 hour) to the account with this address in the project, if
 * there is one that signs in by password. The caller learns nothing: unknown addresses, accounts
 * without email sign-in and rate-limited addresses return the same way (and, but for the rate
 * limit, after the same queries). Only the token's hash is stored; the link and the mail are
 * written in one statement.
 */
export async function requestPasswordReset(
  db: Database,
  appUrl: string,
  request: { email: string; projectId: string },
): Promise<void> {
  const limit = await hitLimits(db, [passwordRecoverLimit(RECOVER_LIMIT, request)]);
  if (!limit.allowed) return;
  const [user] = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM users
    WHERE "projectId" = ${request.projectId} AND email = ${request.email} AND "emailAuthEnabled"`;
  // Unknown addresses take the same steps (the statement then writes nothing): no timing tell.
  const token = newOpaqueToken();
  const target = Prisma.sql`target`;
  const link = emailTokenInsert({
    userId: Prisma.sql`id`,
    purpose: RESET_PASSWORD_PURPOSE,
    email: Prisma.sql`email`,
    tokenHash: hashOpaqueToken(token),
    from: target,
    expiresAt: Prisma.sql`now() + make_interval(mins => ${PASSWORD_RESET_TTL_MINUTES}::int)`,
  });
  const queued = outboxInsert({
    userId: Prisma.sql`id`,
    kind: "password_reset",
    to: Prisma.sql`email`,
    mail: inEveryLocale((locale) => passwordResetMail(locale, resetPasswordLink(appUrl, token))),
    locale: Prisma.sql`locale`,
    from: target,
  });
  await db.$executeRaw`
    WITH target AS (
      SELECT id, email, locale FROM users WHERE id = ${user?.id ?? null}::uuid AND email = ${request.email}
    ), link AS (${link}), mail AS (${queued})
    SELECT 1`;
}
