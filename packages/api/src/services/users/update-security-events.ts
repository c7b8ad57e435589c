import type { Prisma } from "@profilehub/db";

import type { ClientInfo } from "../../context";
import { empty, join, raw, sql } from "../database/sql-template";
import { type SecurityEvent, securityEventCtes, type SecurityEventKind } from "../security-events";

/** Fields whose change is a security event: recorded by it, not in the `user.update` row. */
export const SECURITY_FIELDS = ["password", "totpSecret", "email"] as const;

const TWO_FACTOR = (alias: string) =>
  sql`CASE WHEN ${raw(alias)}."totpSecretEncrypted" IS NULL THEN 'off' ELSE 'on' END`;

/** For each security field, the event an update records, when, and how Activity shows it. */
const EVENTS: {
  field: (typeof SECURITY_FIELDS)[number];
  kind: SecurityEventKind;
  when: Prisma.Sql;
  changes: Prisma.Sql;
  alert?: false;
}[] = [
  {
    field: "password",
    kind: "password_changed",
    when: sql`updated."auditDiff" -> 'password' IS NOT NULL`,
    changes: sql`jsonb_build_object('password', updated."auditDiff" -> 'password')`,
  },
  ...(["totp_enabled", "totp_disabled"] as const).map((kind) => ({
    field: "totpSecret" as const,
    kind,
    when: sql`updated."auditDiff" -> 'totpSecret' IS NOT NULL AND updated."totpSecretEncrypted" IS ${
      kind === "totp_enabled" ? sql`NOT NULL` : sql`NULL`
    }`,
    changes: sql`jsonb_build_object('twoFactor', jsonb_build_object('from', ${TWO_FACTOR("target")}, 'to', ${TWO_FACTOR("updated")}))`,
  })),
  // Applied at once (immediate mode): the notice to the old address is already the alert.
  {
    field: "email",
    kind: "email_changed",
    when: sql`updated."auditDiff" -> 'email' IS NOT NULL`,
    changes: sql`jsonb_build_object('email', updated."auditDiff" -> 'email')`,
    alert: false,
  },
];

const NO_EVENTS = { ctes: empty, alerted: sql`false` };

/**
 * The security events of an update (CTEs over `updated`, with its `"auditDiff"`, and `target`), each written
 * with the change when its field changed, and an SQL flag: whether any queued an alert mail. Only
 * the events of the fields the update plans to write are in the statement: a profile edit (the hot
 * path) carries none of them.
 */
export function updateSecurityEvents(
  input: {
    door: string;
    requestId: string;
    actor: "user" | "server";
    client: ClientInfo;
  },
  plannedFields: ReadonlySet<string>,
): { ctes: Prisma.Sql; alerted: Prisma.Sql } {
  const events = EVENTS.filter(({ field }) => plannedFields.has(field));
  if (events.length === 0) return NO_EVENTS;
  const parts = events.map(({ kind, when, changes, alert }, index) => {
    const event: SecurityEvent = {
      kind,
      door: input.door,
      requestId: input.requestId,
      actor: input.actor,
      client: input.client,
    };
    if (alert === false) event.alert = false;
    return securityEventCtes(`security_${index}`, event, {
      alias: "updated",
      from: sql`updated, target`,
      where: when,
      changes,
    });
  });
  const alerted = events.map((_, index) => sql`EXISTS (SELECT 1 FROM ${raw(`security_${index}_alert`)})`);
  return { ctes: join(parts, ""), alerted: join(alerted, " OR ") };
}
