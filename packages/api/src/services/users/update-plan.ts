import { Prisma } from "@profilehub/db";
import { splitMetadataPatch, type UserUpdate } from "@profilehub/validators";
import type { AuditFieldName } from "./audit-fields";

/** A mail to queue in the outbox with the change (same statement, same commit). */
export interface PlannedMail {
  kind: string;
  /** `"new"`: the new address; `"old"`: the address before the change. */
  recipient: "new" | "old";
  subject: string;
  text: string;
  html: string;
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
  passwordHash?: string;
  totpSecretEncrypted?: string | null;
  email?: EmailChangePlan;
  revokeSessions?: "others" | "all";
  /** The password hash the change was checked against; the write fails if it changed since. */
  expectedPasswordHash?: string | null;
}

/** Everything the update statement needs: column assignments plus guards and side effects. */
export interface UpdatePlan extends PreparedSecrets {
  assignments: Prisma.Sql[];
  auditFields: Set<AuditFieldName>;
  /** A team to select: the statement checks membership. */
  teamId?: string;
}

const json = (value: unknown) => JSON.stringify(value);

/** Turns validated changes into `"column" = expression` pieces; `u` is the row being updated. */
export function planUpdate(update: UserUpdate, prepared: PreparedSecrets): UpdatePlan {
  const assignments: Prisma.Sql[] = [];
  const auditFields = new Set<AuditFieldName>();
  const set = (field: AuditFieldName, sql: Prisma.Sql) => {
    assignments.push(sql);
    auditFields.add(field);
  };

  if (update.displayName !== undefined) set("displayName", Prisma.sql`"displayName" = ${update.displayName}`);
  if (update.firstName !== undefined) set("firstName", Prisma.sql`"firstName" = ${update.firstName}`);
  if (update.lastName !== undefined) set("lastName", Prisma.sql`"lastName" = ${update.lastName}`);
  if (update.username !== undefined) set("username", Prisma.sql`"username" = ${update.username}`);
  if (update.avatarUrl !== undefined) set("avatarUrl", Prisma.sql`"avatarUrl" = ${update.avatarUrl}`);
  if (update.bio !== undefined) set("bio", Prisma.sql`"bio" = ${update.bio}`);
  if (update.birthdate !== undefined) set("birthdate", Prisma.sql`"birthdate" = ${update.birthdate}::date`);
  if (update.location !== undefined) {
    const { longitude = null, latitude = null } = update.location ?? {};
    set("location", Prisma.sql`"locationLongitude" = ${longitude}::float8, "locationLatitude" = ${latitude}::float8`);
  }
  if (update.locale !== undefined) set("locale", Prisma.sql`"locale" = ${update.locale}`);
  if (update.featureFlags !== undefined)
    set("featureFlags", Prisma.sql`"featureFlags" = ${update.featureFlags}::text[]`);
  if (update.notifications !== undefined) {
    set("notifications", Prisma.sql`"notifications" = ${update.notifications}::text[]`);
  }
  if (update.expoPushToken !== undefined) set("expoPushToken", Prisma.sql`"expoPushToken" = ${update.expoPushToken}`);
  if (update.selectedTeamId !== undefined) {
    set("selectedTeamId", Prisma.sql`"selectedTeamId" = ${update.selectedTeamId}::uuid`);
  }

  if (update.userMetadata !== undefined)
    set("userMetadata", Prisma.sql`"userMetadata" = ${json(update.userMetadata)}::jsonb`);
  if (update.userMetadataPatch !== undefined) {
    // Atomic top-level merge: computed from the row as it is when the update runs.
    const { set: values, remove } = splitMetadataPatch(update.userMetadataPatch);
    set("userMetadata", Prisma.sql`"userMetadata" = (u."userMetadata" - ${remove}::text[]) || ${json(values)}::jsonb`);
  }
  if (update.appMetadata !== undefined)
    set("appMetadata", Prisma.sql`"appMetadata" = ${json(update.appMetadata)}::jsonb`);
  if (update.serverMetadata !== undefined) {
    set("serverMetadata", Prisma.sql`"serverMetadata" = ${json(update.serverMetadata)}::jsonb`);
  }
  if (update.emailAuthEnabled !== undefined) {
    set("emailAuthEnabled", Prisma.sql`"emailAuthEnabled" = ${update.emailAuthEnabled}`);
  }

  planEmail(update, prepared.email, set);

  if (prepared.passwordHash !== undefined) set("password", Prisma.sql`"passwordHash" = ${prepared.passwordHash}`);
  if (prepared.totpSecretEncrypted !== undefined) {
    set("totpSecret", Prisma.sql`"totpSecretEncrypted" = ${prepared.totpSecretEncrypted}`);
  }

  return {
    ...prepared,
    assignments,
    auditFields,
    ...(typeof update.selectedTeamId === "string" ? { teamId: update.selectedTeamId } : {}),
  };
}

/** Email address and verification state: one assignment per column, whatever combination was sent. */
function planEmail(
  update: UserUpdate,
  email: EmailChangePlan | undefined,
  set: (field: AuditFieldName, sql: Prisma.Sql) => void,
) {
  let verifiedAt: Prisma.Sql | undefined;
  if (email?.mode === "immediate") {
    set("email", Prisma.sql`"email" = ${email.address}, "pendingEmail" = NULL`);
    // A new address starts unverified; re-sending the current one keeps its state.
    verifiedAt = Prisma.sql`CASE WHEN u."email" = ${email.address} THEN u."emailVerifiedAt" ELSE NULL END`;
  } else if (email?.mode === "pending") {
    set(
      "pendingEmail",
      Prisma.sql`"pendingEmail" = CASE WHEN u."email" = ${email.address} THEN NULL ELSE ${email.address} END`,
    );
  }
  if (update.emailVerified !== undefined) {
    const base = verifiedAt ?? Prisma.sql`u."emailVerifiedAt"`;
    verifiedAt = update.emailVerified ? Prisma.sql`coalesce(${base}, now())` : Prisma.sql`NULL`;
  }
  if (verifiedAt) set("emailVerifiedAt", Prisma.sql`"emailVerifiedAt" = ${verifiedAt}`);
}
