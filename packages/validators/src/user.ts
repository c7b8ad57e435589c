import { z } from "zod";

import { LOCALES } from "./form-checks";
import { narrowedFieldsOf, type UserViewField, type UserViewFields } from "./view-fields";

const jsonObject = z.record(z.string(), z.json());
const isoTimestamp = z.iso.datetime({ offset: true });

export const suspensionSchema = z.object({
  id: z.uuid(),
  reason: z.string(),
  startsAt: isoTimestamp,
  endsAt: isoTimestamp.nullable(),
});

/**
 * What a signed-in user may see of their own account. Secrets (password hash, TOTP secret,
 * server metadata) are not part of it; `hasPassword` and `totpEnabled` say whether they exist.
 */
export const publicUserSchema = z.object({
  id: z.uuid(),
  number: z.number().int(),
  projectId: z.string(),
  email: z.string(),
  emailVerified: z.boolean(),
  emailVerifiedAt: isoTimestamp.nullable(),
  /** An email change waiting for its confirmation link. */
  pendingEmail: z.string().nullable(),
  emailAuthEnabled: z.boolean(),
  displayName: z.string().nullable(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  username: z.string().nullable(),
  avatarUrl: z.string().nullable(),
  bio: z.string().nullable(),
  /** `YYYY-MM-DD`. */
  birthdate: z.iso.date().nullable(),
  location: z.object({ longitude: z.number(), latitude: z.number() }).nullable(),
  userMetadata: jsonObject,
  appMetadata: jsonObject,
  selectedTeamId: z.uuid().nullable(),
  selectedTeam: z.object({ id: z.uuid(), displayName: z.string(), createdAt: isoTimestamp }).nullable(),
  roles: z.array(z.string()),
  status: z.string(),
  featureFlags: z.array(z.string()),
  notifications: z.array(z.string()),
  locale: z.enum(LOCALES),
  expoPushToken: z.string().nullable(),
  hasPassword: z.boolean(),
  totpEnabled: z.boolean(),
  /** Active suspensions only. */
  suspensions: z.array(suspensionSchema),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
  lastActiveAt: isoTimestamp,
});
export type PublicUser = z.infer<typeof publicUserSchema>;

/** The same user as seen with server access: adds server metadata and the user's secure metadata. */
export const serverUserSchema = publicUserSchema.extend({ serverMetadata: jsonObject, secureMetadata: jsonObject });
export type ServerUser = z.infer<typeof serverUserSchema>;

/** Output of procedures that serve both kinds of caller. */
export const userViewSchema = publicUserSchema.extend({
  serverMetadata: jsonObject.optional(),
  secureMetadata: jsonObject.optional(),
});
export type UserView = z.infer<typeof userViewSchema>;

/** An object's keys: `true` for a key every such object carries, `false` for an optional one. */
type KeyList = ReadonlyMap<string, boolean>;

const keyListOf = (shape: Record<string, z.ZodType>): KeyList =>
  new Map(Object.entries(shape).map(([key, schema]) => [key, !schema.safeParse(undefined).success]));

/**
 * The keys a user view may carry (frozen at start-up from `userViewSchema`, whose keys a test
 * holds equal to the field registry's visible fields): secrets are not among them. Output of the
 * procedures returning a user is checked against it (`userViewOutput`).
 */
export const USER_VIEW_KEYS: readonly string[] = Object.freeze(Object.keys(userViewSchema.shape));
const VIEW_KEYS = keyListOf(userViewSchema.shape);
const NESTED_KEYS: ReadonlyMap<string, KeyList> = new Map([
  ["selectedTeam", keyListOf(userViewSchema.shape.selectedTeam.unwrap().shape)],
  ["location", keyListOf(userViewSchema.shape.location.unwrap().shape)],
]);
const SUSPENSION_KEYS = keyListOf(suspensionSchema.shape);

/** A view that would carry a key it must not (or miss one it must): the output is refused (a 500). */
export class UserViewKeyError extends Error {
  constructor(readonly key: string) {
    super(`user view: unexpected or missing key "${key}"`);
    this.name = "UserViewKeyError";
  }
}

function checkKeys(value: unknown, keys: KeyList, path: string): void {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new UserViewKeyError(path);
  let required = 0;
  for (const key in value) {
    const isRequired = keys.get(key);
    if (isRequired === undefined) throw new UserViewKeyError(path ? `${path}.${key}` : key);
    if (isRequired) required += 1;
  }
  if (required === requiredCount(keys)) return;
  for (const [key, isRequired] of keys) {
    if (isRequired && !Object.hasOwn(value, key)) throw new UserViewKeyError(path ? `${path}.${key}` : key);
  }
}

const REQUIRED_COUNTS = new WeakMap<KeyList, number>();
function requiredCount(keys: KeyList): number {
  let count = REQUIRED_COUNTS.get(keys);
  if (count === undefined) {
    count = [...keys.values()].filter(Boolean).length;
    REQUIRED_COUNTS.set(keys, count);
  }
  return count;
}

/**
 * The output check of every procedure that returns a user view: a compiled key check instead of a
 * second full parse (the view is built field by field from the registry, its values from typed
 * columns). Every key, at every level that has fixed keys, must be one the view declares, and
 * every required key present; anything else — a secret column slipping into the row's JSON, say —
 * throws, so the answer is an internal error, never the data. Metadata objects are the user's
 * own JSON and are not walked.
 */
export function userViewOutput(value: unknown): UserView {
  const narrowedTo = typeof value === "object" && value !== null ? narrowedFieldsOf(value) : null;
  checkKeys(value, narrowedTo ? narrowedKeys(narrowedTo) : VIEW_KEYS, "");
  const view = value as Record<string, unknown>;
  for (const [key, keys] of NESTED_KEYS) if (view[key] !== null && key in view) checkKeys(view[key], keys, key);
  if (narrowedTo && !narrowedTo.has("suspensions")) return value as UserView;
  const suspensions = view.suspensions;
  if (!Array.isArray(suspensions)) throw new UserViewKeyError("suspensions");
  for (const suspension of suspensions) checkKeys(suspension, SUSPENSION_KEYS, "suspensions");
  return value as UserView;
}

/**
 * A narrowed view's keys (`view-fields.ts`): the view's own, restricted to the fields it was built
 * with — each of them required as in the full view, any other key refused. Built once per set.
 */
const NARROWED_KEYS = new WeakMap<UserViewFields, KeyList>();
function narrowedKeys(fields: UserViewFields): KeyList {
  let keys = NARROWED_KEYS.get(fields);
  if (!keys) {
    keys = new Map([...VIEW_KEYS].filter(([key]) => fields.has(key as UserViewField)));
    NARROWED_KEYS.set(fields, keys);
  }
  return keys;
}
