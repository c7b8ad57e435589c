import { Prisma } from "@profilehub/db";

import { hashOpaqueToken, newOpaqueToken } from "../../auth/opaque-token";
import { inEveryLocale } from "../../mail/localized";
import { verifyEmailLink, verifyNewEmailMail } from "../../mail/templates";
import { emailTokenInsert, outboxInsert } from "../database/sql";

/**
 * The two statements that mail a link verifying an account's address: the link (`email_tokens`,
 * hash only) and the mail in the outbox (in the account's language), both for the `id`, `email` and
 * `locale` of the CTE `from` names.
 */
export function verificationMailStatements(appUrl: string, email: string, from: Prisma.Sql) {
  const token = newOpaqueToken();
  const link = emailTokenInsert({
    userId: Prisma.sql`id`,
    purpose: "verify_email",
    email: Prisma.sql`email`,
    tokenHash: hashOpaqueToken(token),
    from,
  });
  const queued = outboxInsert({
    userId: Prisma.sql`id`,
    kind: "email_verify",
    to: Prisma.sql`email`,
    mail: inEveryLocale((locale) => verifyNewEmailMail(locale, email, verifyEmailLink(appUrl, token))),
    locale: Prisma.sql`locale`,
    from,
  });
  return { link, queued };
}
