import type { Database } from "@profilehub/db";

import { ACCOUNT_DELETED_MAIL } from "./account-deleted";

export interface OutboxMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  /** Claims so far, this one included: also the claim's fencing number. */
  attempts: number;
}

/**
 * Claims the oldest due mail for `leaseMs` — one mail per claim, so the lease covers exactly one
 * send (bounded by the send timeout, shorter than the lease): another worker never takes a mail
 * that is being sent. `SKIP LOCKED` lets several instances share one outbox. A worker that dies
 * mid-send leaves the lease to expire; the mail is then sent again (at least once).
 */
export async function claimNextMail(db: Database, leaseMs: number): Promise<OutboxMail | null> {
  const rows = await db.$queryRaw<OutboxMail[]>`
    UPDATE mail_outbox SET "lockedUntil" = now() + make_interval(secs => ${leaseMs / 1000}::float8),
      attempts = attempts + 1
    WHERE id = (
      SELECT id FROM mail_outbox
      WHERE "sentAt" IS NULL AND "failedAt" IS NULL AND "nextAttemptAt" <= now()
        AND ("lockedUntil" IS NULL OR "lockedUntil" < now())
      ORDER BY "createdAt" LIMIT 1
      FOR UPDATE SKIP LOCKED)
    RETURNING id, "to", subject, text, html, attempts`;
  return rows[0] ?? null;
}

/**
 * Marks a mail sent. The notice of a deleted account keeps no address once sent: it was the last
 * personal datum of that account (ARCHITECTURE, "Deleting an account").
 */
export async function markSent(db: Database, id: string): Promise<void> {
  await db.$executeRaw`
    UPDATE mail_outbox SET "sentAt" = now(), "lockedUntil" = NULL, "lastError" = NULL,
      "to" = CASE WHEN kind = ${ACCOUNT_DELETED_MAIL} THEN '[erased]' ELSE "to" END
    WHERE id = ${id}::uuid`;
}

/** Exponential backoff: 2 s, 4 s, 8 s … capped at one hour. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(2 ** attempts, 3600);
}

/**
 * Records a failed send: retried after a backoff while the mail is younger than `retryWindowMs`,
 * else kept as `failed` (with its last error) for operators — never dropped. Only the claim that
 * is still current (same `attempts`) may record it.
 */
export async function markAttemptFailed(
  db: Database,
  mail: OutboxMail,
  error: string,
  retryWindowMs: number,
): Promise<"retrying" | "failed"> {
  const rows = await db.$queryRaw<{ failed: boolean }[]>`
    UPDATE mail_outbox SET "lockedUntil" = NULL, "lastError" = ${error.slice(0, 1000)},
      "nextAttemptAt" = now() + make_interval(secs => ${retryDelaySeconds(mail.attempts)}::int),
      "failedAt" = CASE WHEN "createdAt" + make_interval(secs => ${retryWindowMs / 1000}::float8) <= now()
        THEN now() END
    WHERE id = ${mail.id}::uuid AND attempts = ${mail.attempts}::int AND "sentAt" IS NULL
    RETURNING "failedAt" IS NOT NULL AS failed`;
  return rows[0]?.failed ? "failed" : "retrying";
}

/** Mails waiting to be sent (`pending`) and kept as failed past their retry window (`failed`), all instances included. */
export async function outboxCounts(db: Database): Promise<{ pending: number; failed: number }> {
  const rows = await db.$queryRaw<{ pending: number; failed: number }[]>`
    SELECT count(*) FILTER (WHERE "failedAt" IS NULL)::int AS pending,
      count(*) FILTER (WHERE "failedAt" IS NOT NULL)::int AS failed
    FROM mail_outbox WHERE "sentAt" IS NULL`;
  return rows[0] ?? { pending: 0, failed: 0 };
}
