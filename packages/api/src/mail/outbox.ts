import { Prisma, type Database } from "@profilehub/db";

export interface OutboxMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  attempts: number;
}

/** After this many failed attempts a mail stays in the outbox with its last error. */
export const MAX_ATTEMPTS = 10;
/** A claimed mail is invisible to other workers this long (then retried: at-least-once). */
const LEASE_SECONDS = 60;

/** Claims due mails; `SKIP LOCKED` lets several instances share one outbox. */
export function claimDueMails(db: Database, limit = 10): Promise<OutboxMail[]> {
  return db.$queryRaw<OutboxMail[]>`
    UPDATE mail_outbox SET "lockedUntil" = now() + make_interval(secs => ${LEASE_SECONDS}::int), attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM mail_outbox
      WHERE "sentAt" IS NULL AND "nextAttemptAt" <= now() AND attempts < ${MAX_ATTEMPTS}::int
        AND ("lockedUntil" IS NULL OR "lockedUntil" < now())
      ORDER BY "createdAt" LIMIT ${limit}::int
      FOR UPDATE SKIP LOCKED)
    RETURNING id, "to", subject, text, html, attempts`;
}

export async function markSent(db: Database, id: string): Promise<void> {
  await db.$executeRaw`
    UPDATE mail_outbox SET "sentAt" = now(), "lockedUntil" = NULL, "lastError" = NULL WHERE id = ${id}::uuid`;
}

/** Exponential backoff: 2 s, 4 s, 8 s … capped at 10 minutes. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(2 ** attempts, 600);
}

export async function markFailed(db: Database, mail: OutboxMail, error: string): Promise<void> {
  await db.$executeRaw`
    UPDATE mail_outbox SET "lockedUntil" = NULL, "lastError" = ${error.slice(0, 1000)},
      "nextAttemptAt" = now() + make_interval(secs => ${retryDelaySeconds(mail.attempts)}::int)
    WHERE id = ${mail.id}::uuid`;
}

/**
 * Gives claimed but unsent mails back (a worker stopping mid-batch): another worker may send them
 * at once instead of waiting for the lease, and the claim does not count as an attempt.
 */
export async function releaseMails(db: Database, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.$executeRaw`
    UPDATE mail_outbox SET "lockedUntil" = NULL, attempts = greatest(attempts - 1, 0)
    WHERE id IN (${Prisma.join(ids.map((id) => Prisma.sql`${id}::uuid`))}) AND "sentAt" IS NULL`;
}

/** Mails waiting to be sent (`pending`) and given up after MAX_ATTEMPTS (`failed`), all instances included. */
export async function outboxCounts(db: Database): Promise<{ pending: number; failed: number }> {
  const rows = await db.$queryRaw<{ pending: number; failed: number }[]>`
    SELECT count(*) FILTER (WHERE attempts < ${MAX_ATTEMPTS}::int)::int AS pending,
      count(*) FILTER (WHERE attempts >= ${MAX_ATTEMPTS}::int)::int AS failed
    FROM mail_outbox WHERE "sentAt" IS NULL`;
  return rows[0] ?? { pending: 0, failed: 0 };
}
