import { createHash, randomInt } from "node:crypto";
import { type Database, Prisma } from "@profilehub/db";
import { type Locale, RECOVERY_CODE_ALPHABET, RECOVERY_CODE_COUNT, RECOVERY_CODE_LENGTH } from "@profilehub/validators";

import type { ClientInfo } from "../../context";
import { recoveryCodeUsedMail } from "../../mail/recovery-code";
import { auditInsert, outboxInsert } from "../database/sql";
import { describeDevice } from "../sessions/device";

/** The security-alert preference (settings → Notifications) that asks for alert mails. */
export const SECURITY_ALERTS = "email_security_alerts";

/**
 * A fresh set of codes, in clear (normalized, without dashes): 16 characters of a 32-letter
 * alphabet = 80 random bits each, so a plain SHA-256 is enough to store them (see README).
 */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () =>
    Array.from({ length: RECOVERY_CODE_LENGTH }, () => RECOVERY_CODE_ALPHABET[randomInt(32)]).join(""),
  );
}

/** What is stored of a (normalized) code: bound to its user, so a hash means nothing elsewhere. */
export function hashRecoveryCode(userId: string, code: string): string {
  return createHash("sha256").update(`${userId}:${code}`).digest("hex");
}

/**
 * Statement parts replacing the codes of the user in `from` (a CTE with an `id` column) by
 * `hashes`: every earlier code stops working in the same commit. `[]` just deletes them.
 */
export function replaceRecoveryCodes(from: string, hashes: string[]): Prisma.Sql {
  const table = Prisma.raw(from);
  const dropped = Prisma.sql`, codes_dropped AS (
      DELETE FROM recovery_codes r USING ${table} WHERE r."userId" = ${table}.id)`;
  if (hashes.length === 0) return dropped;
  const values = Prisma.join(hashes.map((hash) => Prisma.sql`(${hash})`));
  return Prisma.sql`${dropped}, codes_added AS (
      INSERT INTO recovery_codes ("userId", "codeHash") SELECT ${table}.id, v.hash FROM ${table}, (VALUES ${values}) AS v(hash))`;
}

/** How many codes of the user's current set are unused, and how many the set had. */
export async function recoveryCodesStatus(db: Database, userId: string): Promise<{ unused: number; total: number }> {
  const rows = await db.$queryRaw<{ unused: number; total: number }[]>`
    SELECT count(*) FILTER (WHERE "usedAt" IS NULL)::int AS unused, count(*)::int AS total
    FROM recovery_codes WHERE "userId" = ${userId}::uuid`;
  return rows[0] ?? { unused: 0, total: 0 };
}

/**
 * Regenerates the codes of a user whose two-factor is on: the old set is deleted and the new one
 * stored (hashed) with an audit row, in one statement. Returns the new codes, or `null` when
 * two-factor is off (nothing is written).
 */
export async function regenerateRecoveryCodes(
  db: Database,
  request: { userId: string; door: string; requestId: string },
): Promise<string[] | null> {
  const codes = newRecoveryCodes();
  const hashes = codes.map((code) => hashRecoveryCode(request.userId, code));
  const audit = auditInsert({
    userId: Prisma.sql`target.id`,
    actorType: "user",
    actorUserId: Prisma.sql`target.id`,
    door: request.door,
    requestId: request.requestId,
    action: "user.recovery_codes_regenerated",
    changes: Prisma.sql`jsonb_build_object('recoveryCodes',
      jsonb_build_object('from', '"[redacted]"'::jsonb, 'to', '"[redacted]"'::jsonb))`,
    from: Prisma.sql`target`,
  });
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH target AS (
      SELECT u.id FROM users u WHERE u.id = ${request.userId}::uuid AND u."totpSecretEncrypted" IS NOT NULL FOR UPDATE
    )${replaceRecoveryCodes("target", hashes)}, audit AS (${audit})
    SELECT id FROM target`;
  return rows.length === 1 ? codes : null;
}

/**
 * Spends one recovery code of a user whose two-factor is on, atomically: of two requests with the
 * same code, one wins. With it, the audit row ("recovery code used", door and device) and, when
 * the user keeps security alerts on, the alert mail in their language. `false` for a wrong or
 * spent code.
 */
export async function consumeRecoveryCode(
  db: Database,
  request: { userId: string; code: string; locale: Locale; door: string; requestId: string; client: ClientInfo },
): Promise<boolean> {
  const device = describeDevice(request.client.userAgent);
  const audit = auditInsert({
    userId: Prisma.sql`used."userId"`,
    actorType: "user",
    actorUserId: Prisma.sql`used."userId"`,
    door: request.door,
    requestId: request.requestId,
    action: "user.recovery_code_used",
    changes: Prisma.sql`jsonb_build_object(
      'recoveryCodes', jsonb_build_object('from', remaining.unused, 'to', remaining.unused - 1),
      'device', jsonb_build_object('from', null, 'to', ${device}::text))`,
    from: Prisma.sql`used, remaining`,
  });
  const alert = outboxInsert({
    userId: Prisma.sql`used."userId"`,
    kind: "recovery_code_used_alert",
    to: Prisma.sql`used.email`,
    mail: recoveryCodeUsedMail(request.locale, device),
    from: Prisma.sql`used`,
    where: Prisma.sql`${SECURITY_ALERTS} = ANY(used.notifications)`,
  });
  // `remaining` reads the set as it was before this statement: it still counts the code spent here.
  const rows = await db.$queryRaw<{ userId: string }[]>`
    WITH used AS (
      UPDATE recovery_codes r SET "usedAt" = now() FROM users u
      WHERE r."userId" = ${request.userId}::uuid AND r."codeHash" = ${hashRecoveryCode(request.userId, request.code)}
        AND r."usedAt" IS NULL AND u.id = r."userId" AND u."totpSecretEncrypted" IS NOT NULL
      RETURNING r."userId", u.email, u.notifications
    ), remaining AS (
      SELECT count(*)::int AS unused FROM recovery_codes WHERE "userId" = ${request.userId}::uuid AND "usedAt" IS NULL
    ), audit AS (${audit}), mail AS (${alert})
    SELECT "userId" FROM used`;
  return rows.length === 1;
}
