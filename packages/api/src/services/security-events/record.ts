import { type Database, Prisma } from "@profilehub/db";

import type { MailNotifier } from "../../mail/notifier";
import { type SecurityEvent, securityEventCtes } from "./statements";

export interface SecurityEventDeps {
  db: Database;
  mail: MailNotifier;
}

/**
 * Records a security event of an account, in one statement: the audit row (action
 * `security.<kind>`, door, device, request id) and, when due, the alert mail in the account's
 * language; the mail worker is poked once it is committed. Resolves `false` when the account does
 * not exist (nothing written). Flows whose own statement changes the account embed
 * `securityEventCtes` instead, so the event commits with the change.
 */
export async function recordSecurityEvent(
  deps: SecurityEventDeps,
  userId: string,
  event: SecurityEvent,
): Promise<{ recorded: boolean; alerted: boolean }> {
  const ctes = securityEventCtes("event", event, {
    alias: "account",
    from: Prisma.sql`account`,
  });
  const rows = await deps.db.$queryRaw<{ recorded: boolean; alerted: boolean }[]>`
    WITH account AS (SELECT id, email, locale, notifications FROM users WHERE id = ${userId}::uuid)${ctes}
    SELECT EXISTS (SELECT 1 FROM account) AS recorded, EXISTS (SELECT 1 FROM event_alert) AS alerted`;
  const outcome = rows[0] ?? { recorded: false, alerted: false };
  if (outcome.alerted) deps.mail.notify();
  return outcome;
}
