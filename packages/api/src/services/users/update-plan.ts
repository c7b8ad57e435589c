import type { Prisma } from "@profilehub/db";
import { type JsonObject, updateInput, type UserFieldName, type UserUpdate } from "@profilehub/validators";

import type { LocalizedMail } from "../../mail/localized";
import { sql } from "../database/sql-template";
import { assignValue, mergeValue } from "./fields-sql";

/** A mail to queue in the outbox with the change (same statement, same commit). */
export interface PlannedMail {
  kind: string;
  /** `"new"`: the new address; `"old"`: the address before the change. */
  recipient: "new" | "old";
  /** Every language's version: the statement queues the account's. */
  mail: LocalizedMail;
}

/**
 * An email sent back unchanged (the address the caller's access token was issued with): planned
 * as no change, so none of the change's checks, links, mails or events are built or run. The
 * statement writes only if the stored address is still this one (`target."emailKept"`);
 * otherwise the caller plans the change in full and runs it again.
 */
export interface EmailKeptPlan {
  address: string;
  mode: "pending" | "immediate";
}

export interface EmailChangePlan {
  address: string;
  mode: "pending" | "immediate";
  /** Stored hash of the link's token, and what clicking it does. */
  token: { hash: string; purpose: "change_email" | "verify_email" } | null;
  mails: PlannedMail[];
}

/** Secrets and side effects prepared outside the statement (hashing, encryption, tokens, mails). */
export interface PreparedSecrets {
  /** The stored values of fields whose input is prepared (a password's hash, an encrypted secret). */
  stored?: Partial<Record<UserFieldName, unknown>>;
  email?: EmailChangePlan;
  emailKept?: EmailKeptPlan;
  revokeSessions?: "others" | "all";
  /** The password hash the change was checked against; the write fails if it changed since. */
  expectedPasswordHash?: string | null;
  /**
   * Set when the TOTP secret changes: the recovery codes (hashes) that replace the user's codes
   * with the write; `[]` (turned off, or a secret set through a door) just deletes them.
   */
  recoveryCodeHashes?: string[];
}

/** Everything the update statement needs: column assignments plus guards and side effects. */
export interface UpdatePlan extends PreparedSecrets {
  assignments: Prisma.Sql[];
  /** Fields the change may touch: their diff goes to the audit log. */
  auditFields: Set<UserFieldName>;
  /** A team to select: the statement checks membership. */
  teamId?: string;
}

/**
 * Turns validated changes into `"column" = expression` pieces, input by input as the field
 * registry says: assigned, merged in SQL, or stored as prepared beforehand.
 */
export function planUpdate(update: UserUpdate, prepared: PreparedSecrets): UpdatePlan {
  const assignments: Prisma.Sql[] = [];
  const auditFields = new Set<UserFieldName>();
  const set = (field: UserFieldName, sql: Prisma.Sql) => {
    assignments.push(sql);
    auditFields.add(field);
  };
  for (const [key, value] of Object.entries(update)) {
    const input = updateInput(key);
    if (!input || value === undefined) continue; // companions (currentPassword, …) write nothing
    if (input.apply === "assign") set(input.field, assignValue(input.field, value));
    else if (input.apply === "merge") set(input.field, mergeValue(input.field, value as JsonObject));
    else if (prepared.stored && Object.hasOwn(prepared.stored, input.field)) {
      set(input.field, assignValue(input.field, prepared.stored[input.field]));
    }
  }
  if (prepared.emailKept) planKeptEmail(update, prepared.emailKept, set, assignments);
  else planEmail(update, prepared.email, set);
  return {
    ...prepared,
    assignments,
    auditFields,
    ...(typeof update.selectedTeamId === "string" ? { teamId: update.selectedTeamId } : {}),
  };
}

/**
 * The same assignments as `planEmail` for an address equal to the stored one (the statement
 * checks it is), without the writes that would leave it as it is: the pending address is cleared
 * in either mode (as re-sending the current address does), the verification state is kept.
 */
function planKeptEmail(
  update: UserUpdate,
  kept: EmailKeptPlan,
  set: (field: UserFieldName, sql: Prisma.Sql) => void,
  assignments: Prisma.Sql[],
) {
  // Immediate mode records the pending address's clearing under `email`, whose diff (the
  // address) is empty here: as an assignment only, so the email's security event stays out.
  if (kept.mode === "pending") set("pendingEmail", sql`"pendingEmail" = NULL`);
  else assignments.push(sql`"pendingEmail" = NULL`);
  if (update.emailVerified !== undefined) {
    const verifiedAt = update.emailVerified ? sql`coalesce(u."emailVerifiedAt", now())` : sql`NULL`;
    set("emailVerifiedAt", sql`"emailVerifiedAt" = ${verifiedAt}`);
  }
}

/** Email address and verification state: one assignment per column, whatever combination was sent. */
function planEmail(
  update: UserUpdate,
  email: EmailChangePlan | undefined,
  set: (field: UserFieldName, sql: Prisma.Sql) => void,
) {
  let verifiedAt: Prisma.Sql | undefined;
  if (email?.mode === "immediate") {
    set("email", sql`"email" = ${email.address}, "pendingEmail" = NULL`);
    // A new address starts unverified; re-sending the current one keeps its state.
    verifiedAt = sql`CASE WHEN u."email" = ${email.address} THEN u."emailVerifiedAt" ELSE NULL END`;
  } else if (email?.mode === "pending") {
    set(
      "pendingEmail",
      sql`"pendingEmail" = CASE WHEN u."email" = ${email.address} THEN NULL ELSE ${email.address} END`,
    );
  }
  if (update.emailVerified !== undefined) {
    const base = verifiedAt ?? sql`u."emailVerifiedAt"`;
    verifiedAt = update.emailVerified ? sql`coalesce(${base}, now())` : sql`NULL`;
  }
  if (verifiedAt) set("emailVerifiedAt", sql`"emailVerifiedAt" = ${verifiedAt}`);
}
