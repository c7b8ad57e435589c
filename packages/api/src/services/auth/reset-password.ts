import { type Database, Prisma } from "@profilehub/db";

import { hashOpaqueToken } from "../../auth/opaque-token";
import { hashPassword } from "../../auth/passwords";
import { appError } from "../../errors";
import { type EventClient, securityEventCtes } from "../security-events";
import { RESET_PASSWORD_PURPOSE } from "./request-password-reset";

/** A live reset link: unused, unexpired, for the account's current address. */
const LIVE_LINK = (tokenHash: string) => Prisma.sql`t."tokenHash" = ${tokenHash}
  AND t.purpose = ${RESET_PASSWORD_PURPOSE} AND t."usedAt" IS NULL AND t."expiresAt" > now()`;

/**
 * Uses a mailed reset link, once: sets the new password, spends every reset link of the account,
 * revokes all its sessions, and records the `password_reset` security event (audit row, alert
 * mail), in one statement. An
 * unknown, used or expired link (or one for an address the account no longer has) is refused.
 */
export async function resetPassword(
  db: Database,
  request: { token: string; password: string; requestId: string; door: string; client: EventClient },
): Promise<{ userId: string; email: string }> {
  const tokenHash = hashOpaqueToken(request.token);
  const [found] = await db.$queryRaw<{ id: string }[]>`
    SELECT u.id FROM email_tokens t JOIN users u ON u.id = t."userId" AND u.email = t.email
    WHERE ${LIVE_LINK(tokenHash)}`;
  if (!found) throw appError("email_token_invalid");
  const passwordHash = await hashPassword(request.password);
  // The `password_reset` security event: its audit row and its alert (sent whatever the preference).
  const event = securityEventCtes(
    "reset",
    { kind: "password_reset", door: request.door, requestId: request.requestId, client: request.client },
    {
      alias: "updated",
      from: Prisma.sql`updated`,
      // As a password change reads in the audit log: a secret field, redacted.
      changes: Prisma.sql`jsonb_build_object('password',
        jsonb_build_object('from', CASE WHEN had_password THEN '"[redacted]"'::jsonb ELSE 'null'::jsonb END,
          'to', '"[redacted]"'::jsonb))`,
    },
  );
  const rows = await db.$queryRaw<{ userId: string; email: string }[]>`
    WITH link AS (
      UPDATE email_tokens t SET "usedAt" = now() WHERE ${LIVE_LINK(tokenHash)} RETURNING t."userId", t.email
    ), target AS (
      SELECT u.id, u."passwordHash" IS NOT NULL AS had_password FROM users u, link
      WHERE u.id = link."userId" FOR UPDATE
    ), updated AS (
      UPDATE users u SET "passwordHash" = ${passwordHash}, "updatedAt" = now()
      FROM link, target WHERE u.id = link."userId" AND u.id = target.id AND u.email = link.email
      RETURNING u.id, u.email, u.locale, u.notifications, target.had_password
    ), spent AS (
      UPDATE email_tokens t SET "usedAt" = now() FROM updated
      WHERE t."userId" = updated.id AND t.purpose = ${RESET_PASSWORD_PURPOSE}
        AND t."usedAt" IS NULL AND t."tokenHash" <> ${tokenHash}
    ), revoked AS (
      UPDATE sessions s SET "revokedAt" = now(), "revokedReason" = 'password_reset'
      FROM updated WHERE s."userId" = updated.id AND s."revokedAt" IS NULL
    )${event}
    SELECT id AS "userId", email FROM updated`;
  const reset = rows[0];
  if (!reset) throw appError("email_token_invalid");
  return reset;
}
