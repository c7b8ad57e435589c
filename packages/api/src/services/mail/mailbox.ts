import type { Database } from "@profilehub/db";

export interface MailboxEntry {
  id: string;
  kind: string;
  to: string;
  subject: string;
  text: string;
  createdAt: string;
}

/**
 * The development mailbox: mails kept in the outbox (no SMTP_URL). A user sees the mails of their
 * own account (verification links included); server access sees them all.
 */
export async function listMailbox(db: Database, userId: string | null, limit = 50): Promise<MailboxEntry[]> {
  const rows = await db.$queryRaw<(Omit<MailboxEntry, "createdAt"> & { createdAt: Date })[]>`
    SELECT id, kind, "to", subject, text, "createdAt" FROM mail_outbox
    WHERE (${userId}::uuid IS NULL OR "userId" = ${userId}::uuid)
    ORDER BY "createdAt" DESC LIMIT ${limit}::int`;
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
}
