import type { Prisma } from "@profilehub/db";
import type { UserFieldName, UserViewFields } from "@profilehub/validators";

import type { CallerSession, ClientInfo } from "../../context";
import {
  auditInsert,
  callerSessionLive,
  emailTokenInsert,
  outboxInsert,
  touchDue,
  userMatches,
  type UserRef,
} from "../database/sql";
import { empty, join, raw, sql } from "../database/sql-template";
import { replaceRecoveryCodes } from "../totp/recovery-codes";
import { auditDiffExpression } from "./fields-sql";
import type { PlannedMail, UpdatePlan } from "./update-plan";
import { SECURITY_FIELDS, updateSecurityEvents } from "./update-security-events";
import { userProjection, type UserRow } from "./user-view";

export type { UserRef } from "../database/sql";

export interface UpdateStatementInput {
  target: UserRef;
  /** Only a user of this project can be found (`null`: any project, server access only). */
  projectId: string | null;
  session: CallerSession | null;
  serverAccess: boolean;
  plan: UpdatePlan;
  audit: { door: string; requestId: string; action: string; client: ClientInfo };
  /**
   * `refuse`: do not write when the user's project has a pre-update webhook (the caller then takes
   * the webhook path); `approved`: the webhook approved the change computed from the row as it was
   * at `seenUpdatedAt`, so only write if it is unchanged since.
   */
  webhook: { mode: "refuse" } | { mode: "approved"; seenUpdatedAt: Date };
  /** The view fields the caller renders (a door's narrowed view); `null` or absent: the full view. */
  view?: UserViewFields | null;
}

/** Why the row was or was not written; `user` is set only when it was. */
export interface UpdateOutcome {
  live: boolean;
  found: boolean;
  allowed: boolean;
  hooked: boolean;
  teamOk: boolean;
  emailFree: boolean;
  passwordUnchanged: boolean;
  /** The stored email is the one an `emailKept` plan assumed (always true without one). */
  emailKept: boolean;
  fresh: boolean;
  /** A security alert mail was queued with the change. */
  alerted: boolean;
  user: (UserRow & { auditChanges: AuditChanges }) | null;
}

const TRUE = sql`true`;
const joinAll = (parts: Prisma.Sql[]) => (parts.length > 0 ? join(parts, "") : empty);
const UPDATED_AND_TARGET = sql`updated, target`;
// Fragments that depend on nothing: built once.
const UPDATED = sql`updated`;
const UPDATED_ID = sql`updated.id`;
const HOOKED = sql`EXISTS (SELECT 1 FROM projects p WHERE p.id = u."projectId" AND p."webhookUrl" IS NOT NULL)`;
const NOT_HOOKED = sql`NOT target.hooked`;
const FRESH = sql`target.fresh`;
const LAST_ACTIVE_NOW = sql`, "lastActiveAt" = now()`;
const SESSION_TOUCH_DUE = touchDue("s");
/** The changes the `user.update` row records, and the test that there are some. */
const auditChanges = (changes: Prisma.Sql) => ({ changes, nonEmpty: sql`${changes} <> '{}'::jsonb` });
const ALL_CHANGES = auditChanges(sql`updated."auditDiff"`);
const CHANGES_BUT_SECURITY = auditChanges(sql`(updated."auditDiff" - ${[...SECURITY_FIELDS]}::text[])`);

function mailInsert(name: string, mail: PlannedMail, address: string): Prisma.Sql {
  const to = mail.recipient === "new" ? sql`${address}` : sql`target.email`;
  const insert = outboxInsert({
    userId: UPDATED_ID,
    kind: mail.kind,
    to,
    mail: mail.mail,
    // The account's language after the change (a change may set it too).
    locale: sql`updated.locale`,
    from: UPDATED_AND_TARGET,
    where: sql`target.email <> ${address}`,
  });
  return sql`, ${raw(name)} AS (${insert})`;
}

/** The audit diff's expression per planned field list (in order): a pure function of it, built once. */
const auditDiffs = new Map<string, Prisma.Sql>();

function auditDiff(fields: ReadonlySet<UserFieldName>): Prisma.Sql {
  const key = [...fields].join(",");
  let expression = auditDiffs.get(key);
  if (!expression) {
    expression = raw(auditDiffExpression(fields, "target", "u"));
    if (auditDiffs.size >= 256) auditDiffs.clear();
    auditDiffs.set(key, expression);
  }
  return expression;
}

/** Side effects committed with the write: session revocation, email link token and mails. */
function sideEffects(input: UpdateStatementInput): Prisma.Sql[] {
  const { plan, session } = input;
  const parts: Prisma.Sql[] = [];
  if (plan.revokeSessions) {
    const keep = plan.revokeSessions === "others" && session ? sql`AND s.id <> ${session.sessionId}::uuid` : empty;
    parts.push(sql`, revoked AS (
      UPDATE sessions s SET "revokedAt" = now(), "revokedReason" = 'password_changed'
      FROM updated WHERE s."userId" = updated.id AND s."revokedAt" IS NULL ${keep})`);
  }
  const email = plan.email;
  if (email?.token) {
    const link = emailTokenInsert({
      userId: UPDATED_ID,
      purpose: email.token.purpose,
      email: sql`${email.address}`,
      tokenHash: email.token.hash,
      from: UPDATED_AND_TARGET,
      where: sql`target.email <> ${email.address}`,
    });
    parts.push(sql`, link AS (${link})`);
  }
  email?.mails.forEach((mail, index) => parts.push(mailInsert(`mail_${index}`, mail, email.address)));
  if (plan.recoveryCodeHashes) parts.push(replaceRecoveryCodes("updated", plan.recoveryCodeHashes));
  // Not when sessions are revoked: one statement must not update the same session row twice.
  if (session && !plan.revokeSessions) {
    parts.push(sql`, touched AS (
      UPDATE sessions s SET "lastActiveAt" = now() WHERE s.id = ${session.sessionId}::uuid AND ${SESSION_TOUCH_DUE})`);
  }
  return parts;
}

/**
 * One statement that checks the caller's session, locks and updates the user, writes the audit
 * row and every side effect, and reports why nothing was written when a check fails.
 *
 * `target` is the user's row as locked (`FOR UPDATE`) plus the checks on it: the checks are
 * computed with the row, and if another transaction changed it meanwhile, PostgreSQL re-reads the
 * newest version and computes them again on it (as it does for the row), so they always describe
 * the row the update writes over. The update's `RETURNING` holds the audit diff, taken between
 * that row (`target`) and the new one: only the fields the plan writes, one `CASE` each.
 */
export function buildUpdateStatement(input: UpdateStatementInput): Prisma.Sql {
  const { plan, session, serverAccess } = input;
  const callerId = session?.userId ?? null;
  const actorType = serverAccess ? "server" : "user";
  // Not `=`: an equality on the project would let the planner reach the row through the
  // ("projectId", username) index, reading every user of the project (a generic plan on a table
  // never analyzed does); this test (the same for a NOT NULL column) only filters the one row the
  // user's id or number finds.
  const projectScope =
    input.projectId === null ? empty : sql`AND u."projectId" IS NOT DISTINCT FROM ${input.projectId}`;
  const teamOk = plan.teamId
    ? sql`EXISTS (SELECT 1 FROM team_members tm JOIN teams t ON t.id = tm."teamId"
        WHERE tm."teamId" = ${plan.teamId}::uuid AND tm."userId" = u.id AND t."projectId" = u."projectId")`
    : TRUE;
  const emailFree =
    plan.email?.mode === "pending"
      ? sql`NOT EXISTS (SELECT 1 FROM users o WHERE o."projectId" = u."projectId"
          AND o.email = ${plan.email.address} AND o.id <> u.id)`
      : TRUE;
  const emailKept = plan.emailKept ? sql`u.email = ${plan.emailKept.address}` : TRUE;
  const passwordUnchanged =
    plan.expectedPasswordHash !== undefined
      ? sql`u."passwordHash" IS NOT DISTINCT FROM ${plan.expectedPasswordHash}`
      : TRUE;
  const fresh =
    input.webhook.mode === "approved" ? sql`u."updatedAt" = ${input.webhook.seenUpdatedAt}::timestamptz` : TRUE;
  const webhookGate = input.webhook.mode === "refuse" ? NOT_HOOKED : FRESH;
  const lastActive = serverAccess ? empty : LAST_ACTIVE_NOW;
  const assignments = plan.assignments.length > 0 ? sql`${join(plan.assignments, ", ")}, ` : empty;

  // Security fields are recorded by their own events (below), the rest by this row. The diff only
  // holds planned fields: without a security field among them, it is all the rest.
  const rest = SECURITY_FIELDS.some((field) => plan.auditFields.has(field)) ? CHANGES_BUT_SECURITY : ALL_CHANGES;
  const audit = auditInsert({
    userId: UPDATED_ID,
    actorType,
    actorUserId: sql`${callerId}::uuid`,
    door: input.audit.door,
    requestId: input.audit.requestId,
    action: input.audit.action,
    changes: rest.changes,
    from: UPDATED,
    where: rest.nonEmpty,
  });
  const security = updateSecurityEvents({ ...input.audit, actor: actorType }, plan.auditFields);

  return sql`WITH caller AS (
      SELECT ${callerSessionLive(session)} AS live
    ), target AS (
      SELECT u.*, coalesce(u.id = ${callerId}::uuid, false) OR ${serverAccess} AS allowed,
        ${HOOKED} AS hooked, ${teamOk} AS "teamOk", ${emailFree} AS "emailFree",
        ${passwordUnchanged} AS "passwordUnchanged", ${emailKept} AS "emailKept", ${fresh} AS fresh
      FROM users u WHERE ${userMatches("u", input.target)} ${projectScope} FOR UPDATE
    ), updated AS (
      UPDATE users u SET ${assignments}"updatedAt" = now() ${lastActive}
      FROM target, caller
      WHERE u.id = target.id AND caller.live AND target.allowed AND ${webhookGate}
        AND target."teamOk" AND target."emailFree" AND target."passwordUnchanged" AND target."emailKept"
      RETURNING u.*, ${auditDiff(plan.auditFields)} AS "auditDiff"
    ), audit AS (${audit})${security.ctes}${joinAll(sideEffects(input))}
    SELECT caller.live, ${security.alerted} AS alerted, target.id IS NOT NULL AS found, target.allowed, target.hooked, target."teamOk", target."emailFree", target."passwordUnchanged",
      target."emailKept", target.fresh, updated.id IS NOT NULL AS written, updated."auditDiff" AS "auditChanges",
      ${userProjection("updated", serverAccess, input.view ?? null)}
    FROM caller LEFT JOIN target ON true LEFT JOIN updated ON true`;
}

export type AuditChanges = Record<string, { from: unknown; to: unknown }>;
export type OutcomeRow = Omit<UpdateOutcome, "user"> & {
  written: boolean;
  auditChanges: AuditChanges;
  user: UserRow | null;
};

/** The statement always returns one row: the caller's session state, then the target's, if found. */
export function readOutcome(rows: OutcomeRow[]): UpdateOutcome {
  const row = rows[0];
  if (!row) throw new Error("The update statement returned no row");
  const { live, found, allowed, hooked, teamOk, emailFree, passwordUnchanged, emailKept, fresh, alerted, written } =
    row;
  const user = written && row.user ? { ...row.user, auditChanges: row.auditChanges } : null;
  return { live, found, allowed, hooked, teamOk, emailFree, passwordUnchanged, emailKept, fresh, alerted, user };
}
