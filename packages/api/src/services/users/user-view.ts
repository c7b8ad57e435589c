import { Prisma } from "@profilehub/db";
import type { JsonObject, UserView } from "@profilehub/validators";

/**
 * The one list of user columns a signed-in user may see. Secrets (password hash, TOTP secret,
 * server metadata) are not in it; every user-facing read and `RETURNING` is built from it.
 */
export const publicUserSelect = {
  id: true,
  number: true,
  projectId: true,
  email: true,
  emailVerifiedAt: true,
  pendingEmail: true,
  emailAuthEnabled: true,
  displayName: true,
  firstName: true,
  lastName: true,
  username: true,
  avatarUrl: true,
  bio: true,
  birthdate: true,
  locationLongitude: true,
  locationLatitude: true,
  userMetadata: true,
  appMetadata: true,
  selectedTeamId: true,
  roles: true,
  status: true,
  featureFlags: true,
  notifications: true,
  locale: true,
  expoPushToken: true,
  createdAt: true,
  updatedAt: true,
  lastActiveAt: true,
} as const satisfies Prisma.UserSelect;

/** What server access sees in addition. */
export const serverUserSelect = { ...publicUserSelect, serverMetadata: true } as const satisfies Prisma.UserSelect;

type SuspensionRow = { id: string; reason: string; startsAt: string; endsAt: string | null };
type TeamRow = { id: string; displayName: string; createdAt: string };
type Json<T> = T extends Date ? string : T;

/** A user as the database hands it over: one JSON object (timestamps as strings). */
export type UserRow = {
  [K in keyof Prisma.UserGetPayload<{ select: typeof publicUserSelect }>]: Json<
    Prisma.UserGetPayload<{ select: typeof publicUserSelect }>[K]
  >;
} & {
  serverMetadata?: Prisma.JsonValue;
  hasPassword: boolean;
  totpEnabled: boolean;
  suspensions: SuspensionRow[];
  selectedTeam: TeamRow | null;
};

/**
 * SQL for the user under `alias` as ONE JSON column `"user"` (null when the row is absent): the
 * visible columns, whether a password / TOTP secret exists (never the secrets themselves), the
 * active suspensions and the selected team. One JSON value is far cheaper to ship and decode
 * than forty typed columns.
 */
export function userProjection(alias: string, serverAccess: boolean): Prisma.Sql {
  const select = serverAccess ? serverUserSelect : publicUserSelect;
  const pairs = [
    ...Object.keys(select).map((column) => `'${column}', ${alias}.${quote(column)}`),
    `'hasPassword', ${alias}."passwordHash" IS NOT NULL`,
    `'totpEnabled', ${alias}."totpSecretEncrypted" IS NOT NULL`,
    `'suspensions', (SELECT coalesce(json_agg(json_build_object('id', s.id, 'reason', s.reason, 'startsAt', s."startsAt", 'endsAt', s."endsAt") ORDER BY s."startsAt"), '[]'::json)
        FROM suspensions s
        WHERE s."userId" = ${alias}.id AND s."startsAt" <= now() AND (s."endsAt" IS NULL OR s."endsAt" > now()))`,
    `'selectedTeam', (SELECT json_build_object('id', t.id, 'displayName', t."displayName", 'createdAt', t."createdAt")
        FROM teams t WHERE t.id = ${alias}."selectedTeamId")`,
  ];
  return Prisma.raw(
    `CASE WHEN ${alias}.id IS NULL THEN NULL ELSE json_build_object(${pairs.join(",\n    ")}) END AS "user"`,
  );
}

const quote = (column: string) => `"${column}"`;

const iso = (value: Date | string) => new Date(value).toISOString();
/** A `date` column: `YYYY-MM-DD` from JSON (or a Date at midnight UTC). */
const calendarDate = (value: Date | string) =>
  typeof value === "string" ? value.slice(0, 10) : iso(value).slice(0, 10);
const jsonObject = (value: Prisma.JsonValue | undefined): JsonObject =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as JsonObject) : {};

/** Builds the view field by field (never by spreading the row), so nothing else can slip out. */
export function toUserView(row: UserRow, serverAccess: boolean): UserView {
  const view: UserView = {
    id: row.id,
    number: row.number,
    projectId: row.projectId,
    email: row.email,
    emailVerified: row.emailVerifiedAt !== null,
    emailVerifiedAt: row.emailVerifiedAt ? iso(row.emailVerifiedAt) : null,
    pendingEmail: row.pendingEmail,
    emailAuthEnabled: row.emailAuthEnabled,
    displayName: row.displayName,
    firstName: row.firstName,
    lastName: row.lastName,
    username: row.username,
    avatarUrl: row.avatarUrl,
    bio: row.bio,
    birthdate: row.birthdate ? calendarDate(row.birthdate) : null,
    location:
      row.locationLongitude === null || row.locationLatitude === null
        ? null
        : { longitude: row.locationLongitude, latitude: row.locationLatitude },
    userMetadata: jsonObject(row.userMetadata),
    appMetadata: jsonObject(row.appMetadata),
    selectedTeamId: row.selectedTeamId,
    selectedTeam: row.selectedTeam
      ? {
          id: row.selectedTeam.id,
          displayName: row.selectedTeam.displayName,
          createdAt: iso(row.selectedTeam.createdAt),
        }
      : null,
    roles: row.roles,
    status: row.status,
    featureFlags: row.featureFlags,
    notifications: row.notifications,
    locale: row.locale === "fr" ? "fr" : "en",
    expoPushToken: row.expoPushToken,
    hasPassword: row.hasPassword,
    totpEnabled: row.totpEnabled,
    suspensions: row.suspensions.map((suspension) => ({
      id: suspension.id,
      reason: suspension.reason,
      startsAt: iso(suspension.startsAt),
      endsAt: suspension.endsAt ? iso(suspension.endsAt) : null,
    })),
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    lastActiveAt: iso(row.lastActiveAt),
  };
  if (serverAccess) view.serverMetadata = jsonObject(row.serverMetadata);
  return view;
}
