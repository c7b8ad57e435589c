import type { Prisma } from "@profilehub/db";

import { inEveryLocale } from "../../mail/localized";
import { hasAlertMail, securityAlertMail } from "../../mail/security-alerts";
import { auditInsert, outboxInsert } from "../database/sql";
import { join, raw, sql } from "../database/sql-template";
import { describeDevice } from "../sessions/device";
import { SECURITY_ALERTS_PREFERENCE, SECURITY_EVENTS, securityAction, type SecurityEventKind } from "./kinds";

/** The client an event came from (a sign-in's new session) or concerns (a revoked session). */
export interface EventClient {
  userAgent: string | null;
  ip: string | null;
}

/** A security event, as every flow reports it: a kind and its facts. */
export interface SecurityEvent {
  kind: SecurityEventKind;
  door: string;
  requestId: string;
  /** Who acted: the account itself (default) or a caller with the server key. */
  actor?: "user" | "server";
  client?: EventClient | null;
  /** What changed, as Activity shows it (`{field: {from, to}}`, never a secret's value). */
  changes?: Record<string, { from: unknown; to: unknown }>;
  /** For `email_changed`: the addresses (also in the alert). */
  email?: { from: string; to: string };
  /** `false`: record only — the flow already mails its own notice (no double mail). */
  alert?: boolean;
}

/**
 * Where the account is read from inside a statement: `alias` is a row of `from` with the user's
 * `id`, `email`, `locale` and `notifications` columns (e.g. `updated`, or `users` itself).
 */
export interface EventSource {
  alias: string;
  from: Prisma.Sql;
  where?: Prisma.Sql;
  /** The alert's recipient (default: the account's address). */
  to?: Prisma.Sql;
  /** The changes as SQL (a diff computed by the statement), instead of `event.changes`. */
  changes?: Prisma.Sql;
  /** The client as SQL `jsonb` details (e.g. a revoked session's columns), instead of `event.client`. */
  details?: Prisma.Sql;
}

/** `{userAgent, ip}` of the client, as stored in `audit_events.details` (the device is derived when read). */
export function clientDetails(client: EventClient | null | undefined): Prisma.Sql {
  return sql`${JSON.stringify({ userAgent: client?.userAgent ?? null, ip: client?.ip ?? null })}::jsonb`;
}

const json = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;

/**
 * The CTEs (`, <name>_audit AS (…), <name>_alert AS (…)`) that record `event` for each row of
 * `source`: its audit row, and its alert mail in the account's language when the kind has one and
 * the account keeps security alerts on. `<name>_alert` returns the queued mail's id.
 */
export function securityEventCtes(name: string, event: SecurityEvent, source: EventSource): Prisma.Sql {
  const row = raw(source.alias);
  const audit = auditInsert({
    userId: sql`${row}.id`,
    actorType: event.actor ?? "user",
    actorUserId: event.actor === "server" ? sql`NULL::uuid` : sql`${row}.id`,
    door: event.door,
    requestId: event.requestId,
    action: securityAction(event.kind),
    changes: source.changes ?? json(event.changes ?? {}),
    details: source.details ?? clientDetails(event.client),
    from: source.from,
    ...(source.where ? { where: source.where } : {}),
  });
  const parts = [sql`, ${raw(`${name}_audit`)} AS (${audit})`];
  const policy = SECURITY_EVENTS[event.kind].alert;
  if (policy !== "none" && event.alert !== false && hasAlertMail(event.kind)) {
    const device = event.client?.userAgent ? describeDevice(event.client.userAgent) : null;
    const facts = { at: new Date(), device, email: event.email };
    const wanted = policy === "always" ? sql`true` : sql`${SECURITY_ALERTS_PREFERENCE} = ANY(${row}.notifications)`;
    const mail = outboxInsert({
      userId: sql`${row}.id`,
      kind: `security_${event.kind}`,
      to: source.to ?? sql`${row}.email`,
      mail: inEveryLocale((locale) => securityAlertMail(locale, event.kind, facts)),
      locale: sql`${row}.locale`,
      from: source.from,
      where: source.where ? sql`(${source.where}) AND ${wanted}` : wanted,
    });
    parts.push(sql`, ${raw(`${name}_alert`)} AS (${mail} RETURNING id)`);
  } else {
    parts.push(sql`, ${raw(`${name}_alert`)} AS (SELECT NULL::uuid AS id WHERE false)`);
  }
  return join(parts, "");
}
