import { z } from "zod";
import { emailSchema } from "./email";
import { zodIssues, type Issue } from "./issues";
import { metadataPatchSchema, metadataSchema } from "./metadata";
import { passwordHashSchema, totpSecretBase64Schema } from "./credentials";
import { imageUrlSchema } from "./image";
import { passwordSchema, DEFAULT_PASSWORD_MIN_LENGTH } from "./password";
import {
  bioSchema,
  birthdateSchema,
  displayNameSchema,
  expoPushTokenSchema,
  featureFlagsSchema,
  firstNameSchema,
  lastNameSchema,
  localeSchema,
  locationSchema,
  notificationsSchema,
  teamIdSchema,
} from "./profile";
import { usernameSchema } from "./username";

/** Fields any signed-in user may change on their own account (canonical names). */
const userWritableShape = {
  displayName: displayNameSchema.nullable(),
  firstName: firstNameSchema.nullable(),
  lastName: lastNameSchema.nullable(),
  username: usernameSchema.nullable(),
  avatarUrl: imageUrlSchema.nullable(),
  bio: bioSchema.nullable(),
  birthdate: birthdateSchema.nullable(),
  location: locationSchema.nullable(),
  locale: localeSchema,
  featureFlags: featureFlagsSchema,
  notifications: notificationsSchema,
  expoPushToken: expoPushTokenSchema.nullable(),
  selectedTeamId: teamIdSchema.nullable(),
  /** Replaces the whole user metadata object. */
  userMetadata: metadataSchema,
  /** Merges into user metadata at the top level; a `null` value removes the key. */
  userMetadataPatch: metadataPatchSchema,
  email: emailSchema,
  password: z.string(), // length rules depend on the caller's policy, see userUpdateSchema
  /** Required by policies that ask for the current password before a change. */
  currentPassword: z.string({ error: "Current password must be a string" }).max(1024),
  /** With `password`: whether the user's other sessions are signed out (default: yes). */
  signOutOtherSessions: z.boolean({ error: "signOutOtherSessions must be a boolean" }),
  /** Enables 2FA with this secret; `null` disables 2FA. */
  totpSecretBase64: totpSecretBase64Schema.nullable(),
};

/** Fields only server access (the server key) may change. */
const serverOnlyShape = {
  appMetadata: metadataSchema,
  serverMetadata: metadataSchema,
  emailVerified: z.boolean({ error: "emailVerified must be a boolean" }),
  emailAuthEnabled: z.boolean({ error: "emailAuthEnabled must be a boolean" }),
  /** Imports a password hash (bcrypt or argon2id, Modular Crypt Format). */
  passwordHash: passwordHashSchema,
};

export const SERVER_ONLY_FIELDS = Object.keys(serverOnlyShape) as (keyof typeof serverOnlyShape)[];
export type ServerOnlyField = (typeof SERVER_ONLY_FIELDS)[number];

/** Known fields that can never be written through an update. */
export const READ_ONLY_FIELDS = [
  "id",
  "number",
  "projectId",
  "emailVerifiedAt",
  "pendingEmail",
  "roles",
  "status",
  "hasPassword",
  "totpEnabled",
  "suspensions",
  "selectedTeam",
  "createdAt",
  "updatedAt",
  "lastActiveAt",
] as const;

const rejected = (message: string) =>
  z
    .unknown()
    .refine(() => false, { error: message })
    .optional();

function buildSchema(passwordMinLength: number, writable: ReadonlySet<ServerOnlyField>) {
  const userFields = { ...userWritableShape, password: passwordSchema(passwordMinLength) };
  const serverFields = Object.fromEntries(
    SERVER_ONLY_FIELDS.map((key) => [
      key,
      writable.has(key) ? serverOnlyShape[key] : rejected("Only server access can change this field"),
    ]),
  ) as unknown as typeof serverOnlyShape;
  const readOnly = Object.fromEntries(
    READ_ONLY_FIELDS.map((key) => [key, rejected("This field is read-only")]),
  ) as Record<(typeof READ_ONLY_FIELDS)[number], ReturnType<typeof rejected>>;
  return z
    .strictObject({ ...userFields, ...serverFields })
    .partial()
    .extend(readOnly);
}

type FullSchema = ReturnType<typeof buildSchema>;
/** What a caller may send (the typed client's input for `me.update`). */
export type UserUpdateInput = Omit<z.input<FullSchema>, (typeof READ_ONLY_FIELDS)[number]>;
/** Validated and normalized changes, ready to store. */
export type UserUpdate = Omit<z.output<FullSchema>, (typeof READ_ONLY_FIELDS)[number]>;

export interface UserUpdatePolicy {
  /** Minimum password length of the calling door (native API: 8). */
  passwordMinLength?: number;
  /** Whether the caller holds server access (may write server-only fields). */
  serverAccess?: boolean;
  /** Server-only fields this caller's door lets users write anyway (dialect B: `serverMetadata`). */
  userWritableServerFields?: readonly ServerOnlyField[];
}

const schemaCache = new Map<string, FullSchema>();
export function userUpdateSchema(policy: UserUpdatePolicy = {}): FullSchema {
  const min = policy.passwordMinLength ?? DEFAULT_PASSWORD_MIN_LENGTH;
  const writable = new Set(policy.serverAccess ? SERVER_ONLY_FIELDS : (policy.userWritableServerFields ?? []));
  const key = `${min}:${[...writable].sort().join(",")}`;
  let schema = schemaCache.get(key);
  if (!schema) {
    schema = buildSchema(min, writable);
    schemaCache.set(key, schema);
  }
  return schema;
}

function crossFieldIssues(input: Record<string, unknown>): Issue[] {
  const issues: Issue[] = [];
  const both = (a: string, b: string, message: string) => {
    if (input[a] !== undefined && input[b] !== undefined) issues.push({ path: b, message });
  };
  both("password", "passwordHash", "Send either password or passwordHash, not both");
  both("userMetadata", "userMetadataPatch", "Send either userMetadata or userMetadataPatch, not both");
  for (const companion of ["currentPassword", "signOutOtherSessions"]) {
    if (input[companion] !== undefined && input.password === undefined) {
      issues.push({ path: companion, message: `${companion} is only used with password` });
    }
  }
  return issues;
}

export type UserUpdateResult = { ok: true; value: UserUpdate } | { ok: false; issues: Issue[] };

/** Validates every field at once and returns every problem found, or the normalized changes. */
export function validateUserUpdate(input: unknown, policy: UserUpdatePolicy = {}): UserUpdateResult {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return { ok: false, issues: [{ path: "", message: "The update must be a JSON object" }] };
  }
  const parsed = userUpdateSchema(policy).safeParse(input);
  const issues = [
    ...(parsed.success ? [] : zodIssues(parsed.error)),
    ...crossFieldIssues(input as Record<string, unknown>),
  ];
  if (!parsed.success || issues.length > 0) return { ok: false, issues };
  return { ok: true, value: parsed.data };
}

/**
 * The input parser of update procedures: typed for clients, but only checks that an object was
 * sent — the full rules need the caller's policy and run in the router, reporting every issue.
 */
export const userUpdateInputSchema = z.custom<UserUpdateInput>(
  (value) => typeof value === "object" && value !== null && !Array.isArray(value),
  { error: "The update must be a JSON object" },
);
