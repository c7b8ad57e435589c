import { createHash, randomInt } from "node:crypto";
import type { Database, Prisma } from "@profilehub/db";
import { RECOVERY_CODE_ALPHABET, RECOVERY_CODE_COUNT, RECOVERY_CODE_LENGTH } from "@profilehub/validators";

import type { ClientInfo } from "../../context";
import type { MailNotifier } from "../../mail/notifier";
import { join, raw, sql } from "../database/sql-template";
import { securityEventCtes } from "../security-events";

/**
 * A fresh set of codes, in clear (normalized, without dashes): 16 characters of a 32-letter
 * alphabet = 80 random bits each, so a plain SHA-256 is enough to store them (see ARCHITECTURE).
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
  const table = raw(from);
  const dropped = sql`, codes_dropped AS (
      DELETE FROM recovery_codes r USING ${table} WHERE r."userId" = ${table}.id)`;
  if (hashes.length === 0) return dropped;
  const values = join(hashes.map((hash) => sql`(${hash})`));
  return sql`${dropped}, codes_added AS (
      INSERT INTO recovery_codes ("userId", "codeHash") SELECT ${table}.id, v.hash FROM ${table}, (VALUES ${values}) AS v(hash))`;
}

/** How many codes of the user's current set are unused, and how many the set had. */
export async function recoveryCodesStatus(db: Database, userId: string): Promise<{ unused: number; total: number }> {
  const rows = await db.$queryRaw<{ unused: number; total: number }[]>`
    SELECT count(*) FILTER (WHERE "usedAt" IS NULL)::int AS unused, count(*)::int AS total
    FROM recovery_codes WHERE "userId" = ${userId}::uuid`;
  return rows[0] ?? { unused: 0, total: 0 };
}

/** Where a recovery-code operation came from: its security event's door, request and client. */
interface EventContext {
  door: string;
  requestId: string;
  client: ClientInfo;
}

/**
 * Regenerates the codes of a user whose two-factor is on: the old set is deleted and the new one
 * stored (hashed) with the `recovery_codes_regenerated` security event (alert mail if wanted), in
 * one statement. Returns the new codes, or `null` when two-factor is off (nothing is written).
 */
export async function regenerateRecoveryCodes(
  deps: { db: Database; mail: MailNotifier },
  request: EventContext & { userId: string },
): Promise<string[] | null> {
  const codes = newRecoveryCodes();
  const hashes = codes.map((code) => hashRecoveryCode(request.userId, code));
  const event = securityEventCtes(
    "event",
    { kind: "recovery_codes_regenerated", door: request.door, requestId: request.requestId, client: request.client },
    { alias: "target", from: sql`target` },
  );
  const rows = await deps.db.$queryRaw<{ alerted: boolean }[]>`
    WITH target AS (
      SELECT u.id, u.email, u.locale, u.notifications FROM users u
      WHERE u.id = ${request.userId}::uuid AND u."totpSecretEncrypted" IS NOT NULL FOR UPDATE
    )${replaceRecoveryCodes("target", hashes)}${event}
    SELECT EXISTS (SELECT 1 FROM event_alert) AS alerted FROM target`;
  const row = rows[0];
  if (!row) return null;
  if (row.alerted) deps.mail.notify();
  return codes;
}

/**
 * Spends one recovery code of a user whose two-factor is on, atomically: of two requests with the
 * same code, one wins. With it, the `recovery_code_used` security event (door, device, codes left;
 * the alert mail when the user keeps security alerts on). `false` for a wrong or spent code.
 */
export async function consumeRecoveryCode(
  deps: { db: Database; mail: MailNotifier },
  request: EventContext & { userId: string; code: string },
): Promise<boolean> {
  const event = securityEventCtes(
    "event",
    { kind: "recovery_code_used", door: request.door, requestId: request.requestId, client: request.client },
    {
      alias: "used",
      from: sql`used, remaining`,
      // `remaining` reads the set as it was before this statement: it still counts the code spent here.
      changes: sql`jsonb_build_object('recoveryCodes',
        jsonb_build_object('from', remaining.unused, 'to', remaining.unused - 1))`,
    },
  );
  const rows = await deps.db.$queryRaw<{ alerted: boolean }[]>`
    WITH used AS (
      UPDATE recovery_codes r SET "usedAt" = now() FROM users u
      WHERE r."userId" = ${request.userId}::uuid AND r."codeHash" = ${hashRecoveryCode(request.userId, request.code)}
        AND r."usedAt" IS NULL AND u.id = r."userId" AND u."totpSecretEncrypted" IS NOT NULL
      RETURNING u.id, u.email, u.locale, u.notifications
    ), remaining AS (
      SELECT count(*)::int AS unused FROM recovery_codes WHERE "userId" = ${request.userId}::uuid AND "usedAt" IS NULL
    )${event}
    SELECT EXISTS (SELECT 1 FROM event_alert) AS alerted FROM used`;
  const row = rows[0];
  if (!row) return false;
  if (row.alerted) deps.mail.notify();
  return true;
}
