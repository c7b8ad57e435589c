import type { Database, Prisma } from "@profilehub/db";
import type { OUTBOX_STATUSES, OutboxList } from "@profilehub/validators";

type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

const WHERE: Record<OutboxStatus, Prisma.OutboxMailWhereInput> = {
  pending: { sentAt: null, failedAt: null },
  sent: { sentAt: { not: null } },
  failed: { sentAt: null, failedAt: { not: null } },
};

const statusOf = (mail: { sentAt: Date | null; failedAt: Date | null }): OutboxStatus =>
  mail.sentAt ? "sent" : mail.failedAt ? "failed" : "pending";

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** The outbox as operators need it: counts per state and the newest mails in one state. */
export async function listOutbox(db: Database, input: { status: OutboxStatus; limit: number }): Promise<OutboxList> {
  const [pending, sent, failed, mails] = await Promise.all([
    db.outboxMail.count({ where: WHERE.pending }),
    db.outboxMail.count({ where: WHERE.sent }),
    db.outboxMail.count({ where: WHERE.failed }),
    db.outboxMail.findMany({
      where: WHERE[input.status],
      orderBy: { createdAt: "desc" },
      take: input.limit,
      select: {
        id: true,
        kind: true,
        to: true,
        subject: true,
        attempts: true,
        createdAt: true,
        nextAttemptAt: true,
        sentAt: true,
        failedAt: true,
        lastError: true,
      },
    }),
  ]);
  return {
    counts: { pending, sent, failed },
    mails: mails.map((mail) => {
      const status = statusOf(mail);
      return {
        ...mail,
        status,
        createdAt: mail.createdAt.toISOString(),
        nextAttemptAt: status === "pending" ? mail.nextAttemptAt.toISOString() : null,
        sentAt: iso(mail.sentAt),
        failedAt: iso(mail.failedAt),
      };
    }),
  };
}
