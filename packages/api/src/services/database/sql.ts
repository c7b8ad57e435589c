import type { Prisma } from "@profilehub/db";
import { LOCALES } from "@profilehub/validators";

import { EMAIL_LINK_TTL_HOURS, SESSION_TOUCH_INTERVAL_SECONDS, SESSION_TTL_DAYS } from "../../config/lifetimes";
import type { CallerSession } from "../../context";
import type { LocalizedMail } from "../../mail/localized";
import { empty, join, raw, sql } from "./sql-template";

/**
 * SQL fragments every statement shares, so each fact about the schema is written once: how a
 * user is addressed, what makes a session live, when sessions and links expire, and the column
 * lists of the audit log and the mail outbox.
 */

/** A user addressed by id or by number; `none` addresses nobody (a path that names no user). */
export type UserRef = { id: string } | { number: number } | { none: true };

/** `alias` is the user `target` names. */
export function userMatches(alias: string, target: UserRef): Prisma.Sql {
  const table = raw(alias);
  if ("id" in target) return sql`${table}.id = ${target.id}::uuid`;
  if ("number" in target) return sql`${table}.number = ${target.number}::int`;
  return sql`false`;
}

/** The session row under `alias` is neither revoked nor expired. */
export function isLive(alias: string): Prisma.Sql {
  const table = raw(alias);
  return sql`${table}."revokedAt" IS NULL AND ${table}."expiresAt" > now()`;
}

/**
 * Locks the user who owns the session `from` names (a CTE with a `"sessionId"` column) — to be
 * read before that session is written. Statements that write a user and their sessions lock the
 * user first (the update statement locks it `FOR UPDATE`, then touches or revokes sessions): a
 * refresh locking the session first deadlocked with an update of the same session.
 */
export function lockSessionOwner(from: string): Prisma.Sql {
  return sql`SELECT u.id FROM users u JOIN sessions s ON s."userId" = u.id
      JOIN ${raw(from)} f ON s.id = f."sessionId" FOR NO KEY UPDATE OF u`;
}

const SESSION_LIVE = isLive("s");
const NO_SESSION = sql`true`;

/** Whether the caller's session is live (`true` for callers without one: server access). */
export function callerSessionLive(session: CallerSession | null): Prisma.Sql {
  if (!session) return NO_SESSION;
  return sql`EXISTS (SELECT 1 FROM sessions s WHERE s.id = ${session.sessionId}::uuid
    AND s."userId" = ${session.userId}::uuid AND ${SESSION_LIVE})`;
}

/** When a session (and its refresh token) started or refreshed now expires. */
export const sessionExpiry = (): Prisma.Sql => sql`now() + make_interval(days => ${SESSION_TTL_DAYS}::int)`;

/** The session row under `alias` has not recorded activity for a while: time to write `lastActiveAt`. */
export function touchDue(alias: string): Prisma.Sql {
  return sql`${raw(alias)}."lastActiveAt" < now() - make_interval(secs => ${SESSION_TOUCH_INTERVAL_SECONDS}::int)`;
}

/** When a mailed link created now expires. */
export const emailLinkExpiry = (): Prisma.Sql => sql`now() + make_interval(hours => ${EMAIL_LINK_TTL_HOURS}::int)`;

/** One audit row per selected row of `from` (a CTE list such as `updated, changes`). */
export interface AuditInsert {
  userId: Prisma.Sql;
  actorType: "user" | "server";
  actorUserId: Prisma.Sql;
  door: string;
  requestId: string;
  action: string;
  changes: Prisma.Sql;
  /** Facts about the event beside the changes (the device, the session it ended); `{}` when absent. */
  details?: Prisma.Sql;
  from: Prisma.Sql;
  where?: Prisma.Sql;
}

export function auditInsert(audit: AuditInsert): Prisma.Sql {
  return sql`INSERT INTO audit_events ("userId", "actorType", "actorUserId", door, "requestId", action, changes, details)
    SELECT ${audit.userId}, ${audit.actorType}, ${audit.actorUserId}, ${audit.door}, ${audit.requestId},
      ${audit.action}, ${audit.changes}, ${audit.details ?? sql`'{}'::jsonb`}
    FROM ${audit.from} ${audit.where ? sql`WHERE ${audit.where}` : empty}`;
}

/** One queued mail per selected row of `from`, in the language `locale` (an SQL expression) names. */
export interface OutboxInsert {
  userId: Prisma.Sql;
  kind: string;
  to: Prisma.Sql;
  mail: LocalizedMail;
  /** The account's language, e.g. `locale` (a column of `from`): picks the mail's version. */
  locale: Prisma.Sql;
  from: Prisma.Sql;
  where?: Prisma.Sql;
}

/** `CASE locale WHEN 'fr' THEN … ELSE <English> END` for one part of a localized mail. */
function localizedPart(mail: LocalizedMail, locale: Prisma.Sql, part: keyof LocalizedMail["en"]): Prisma.Sql {
  const others = LOCALES.filter((name) => name !== "en").map((name) => sql`WHEN ${name} THEN ${mail[name][part]}`);
  return sql`CASE ${locale} ${join(others, " ")} ELSE ${mail.en[part]} END`;
}

export function outboxInsert(outbox: OutboxInsert): Prisma.Sql {
  const { mail, locale } = outbox;
  return sql`INSERT INTO mail_outbox ("userId", kind, "to", subject, text, html)
    SELECT ${outbox.userId}, ${outbox.kind}, ${outbox.to}, ${localizedPart(mail, locale, "subject")},
      ${localizedPart(mail, locale, "text")}, ${localizedPart(mail, locale, "html")}
    FROM ${outbox.from} ${outbox.where ? sql`WHERE ${outbox.where}` : empty}`;
}

/** A single-use link for `email`, stored as its token's hash, for each selected row of `from`. */
export function emailTokenInsert(link: {
  userId: Prisma.Sql;
  purpose: string;
  email: Prisma.Sql;
  tokenHash: string;
  from: Prisma.Sql;
  where?: Prisma.Sql;
  /** When the link expires; EMAIL_LINK_TTL_HOURS from now unless given. */
  expiresAt?: Prisma.Sql;
}): Prisma.Sql {
  return sql`INSERT INTO email_tokens ("userId", purpose, email, "tokenHash", "expiresAt")
    SELECT ${link.userId}, ${link.purpose}, ${link.email}, ${link.tokenHash}, ${link.expiresAt ?? emailLinkExpiry()}
    FROM ${link.from} ${link.where ? sql`WHERE ${link.where}` : empty}`;
}
