/**
 * THE FIELD REGISTRY — one entry per canonical user field (DESIGN §3). Everything else is derived
 * from it: the update's input schema and who may write what (./user-update.ts), the SQL that
 * stores each field, the audit diff computed in SQL, the webhook's diff and the user view
 * (packages/api/src/services/users/fields-sql.ts, user-view.ts, describe-changes.ts).
 *
 * Adding a field: one entry here, one migration adding its column, and the dialects that expose
 * it (see ARCHITECTURE.md, "Adding a field").
 */
import { z } from "zod";

import { passwordHashSchema, totpSecretBase64Schema } from "../credentials";
import { emailSchema } from "../email";
import { imageUrlSchema } from "../image";
import { metadataPatchSchema, metadataSchema } from "../metadata";
import { fails } from "../problems/zod-codes";
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
} from "../profile";
import { usernameSchema } from "../username";

/** How a field's value is kept in the `users` row. */
export type Storage =
  | { kind: "column"; column: string; type: "text" | "date" | "text[]" | "uuid" | "boolean" | "jsonb" | "timestamptz" }
  /** Longitude and latitude columns, both set or both null. */
  | { kind: "point"; columns: { longitude: string; latitude: string } }
  /** Read-only columns (ids, timestamps, state the router maintains). */
  | { kind: "system"; column: string; type: "uuid" | "int" | "text" | "text[]" | "timestamptz" };

/** Who sees a field's value in the canonical user view (secrets: nobody). */
export type Visibility = "user" | "server" | "nobody";

/** How the view presents a stored value (timestamps as ISO strings, a date as `YYYY-MM-DD`, …). */
export type ViewFormat = "value" | "timestamp" | "date" | "jsonObject" | "locale" | "point";

/** A way to write a field: the input key's schema, who may send it and how it is applied. */
export interface FieldInput<S extends z.ZodType = z.ZodType> {
  schema: S;
  /** `user`: any signed-in user on their own account; `server`: server access only. */
  writableBy: "user" | "server";
  /**
   * `assign`: the validated value replaces the stored one; `merge`: a top-level JSON merge in SQL
   * (`null` removes a key); `prepare`: the router computes the stored value first (hashing,
   * encryption, the email-change workflow, a verification timestamp).
   */
  apply: "assign" | "merge" | "prepare";
}

export interface FieldSpec<I extends Record<string, FieldInput> = Record<string, FieldInput>> {
  storage: Storage;
  visibility: Visibility;
  view: ViewFormat;
  /** A boolean view key saying whether the field is set (`hasPassword`), whoever may see the value. */
  presence?: string;
  /**
   * Secret: its value never appears in a view, and is redacted ("[redacted]") in the audit diff
   * and the webhook's diff — which still record that it changed.
   */
  secret: boolean;
  /** Inputs that write the field, by input key (usually the field's own name). */
  inputs: I;
  /** Changes are recorded in the audit diff (read-only fields the router maintains are not). */
  audited: boolean;
}

const column = (name: string, type: Extract<Storage, { kind: "column" }>["type"]): Storage => ({
  kind: "column",
  column: name,
  type,
});
const system = (name: string, type: Extract<Storage, { kind: "system" }>["type"]): Storage => ({
  kind: "system",
  column: name,
  type,
});

const userInput = <S extends z.ZodType>(schema: S, apply: FieldInput["apply"] = "assign"): FieldInput<S> => ({
  schema,
  writableBy: "user",
  apply,
});
const serverInput = <S extends z.ZodType>(schema: S, apply: FieldInput["apply"] = "assign"): FieldInput<S> => ({
  schema,
  writableBy: "server",
  apply,
});
const booleanSchema = z.boolean(fails("invalid_type"));

const readOnly = (storage: Storage, view: ViewFormat = "value"): FieldSpec<Record<never, FieldInput>> => ({
  storage,
  visibility: "user",
  view,
  secret: false,
  inputs: {},
  audited: false,
});

/** A field users may write on their own account, shown in the user view. */
const profile = <N extends string, S extends z.ZodType>(
  name: N,
  type: Extract<Storage, { kind: "column" }>["type"],
  schema: S,
  view: ViewFormat = "value",
): FieldSpec<Record<N, FieldInput<S>>> => ({
  storage: column(name, type),
  visibility: "user",
  view,
  secret: false,
  inputs: { [name]: userInput(schema) } as Record<N, FieldInput<S>>,
  audited: true,
});

export const USER_FIELDS = {
  id: readOnly(system("id", "uuid")),
  number: readOnly(system("number", "int")),
  projectId: readOnly(system("projectId", "text")),
  email: {
    storage: column("email", "text"),
    visibility: "user",
    view: "value",
    secret: false,
    // The email-change workflow: pending or immediate per door, verification link, notices.
    inputs: { email: userInput(emailSchema, "prepare") },
    audited: true,
  },
  emailVerifiedAt: {
    storage: column("emailVerifiedAt", "timestamptz"),
    visibility: "user",
    view: "timestamp",
    presence: "emailVerified",
    secret: false,
    // `emailVerified: true` stamps the current time (kept if already verified); `false` clears it.
    inputs: { emailVerified: serverInput(booleanSchema, "prepare") },
    audited: true,
  },
  pendingEmail: { ...readOnly(system("pendingEmail", "text")), audited: true },
  emailAuthEnabled: {
    storage: column("emailAuthEnabled", "boolean"),
    visibility: "user",
    view: "value",
    secret: false,
    inputs: { emailAuthEnabled: serverInput(booleanSchema) },
    audited: true,
  },
  displayName: profile("displayName", "text", displayNameSchema.nullable()),
  firstName: profile("firstName", "text", firstNameSchema.nullable()),
  lastName: profile("lastName", "text", lastNameSchema.nullable()),
  username: profile("username", "text", usernameSchema.nullable()),
  avatarUrl: profile("avatarUrl", "text", imageUrlSchema.nullable()),
  bio: profile("bio", "text", bioSchema.nullable()),
  birthdate: profile("birthdate", "date", birthdateSchema.nullable(), "date"),
  location: {
    storage: { kind: "point", columns: { longitude: "locationLongitude", latitude: "locationLatitude" } },
    visibility: "user",
    view: "point",
    secret: false,
    inputs: { location: userInput(locationSchema.nullable()) },
    audited: true,
  },
  userMetadata: {
    storage: column("userMetadata", "jsonb"),
    visibility: "user",
    view: "jsonObject",
    secret: false,
    inputs: {
      /** Replaces the whole user metadata object. */
      userMetadata: userInput(metadataSchema),
      /** Merges into user metadata at the top level; a `null` value removes the key. */
      userMetadataPatch: userInput(metadataPatchSchema, "merge"),
    },
    audited: true,
  },
  appMetadata: {
    storage: column("appMetadata", "jsonb"),
    visibility: "user",
    view: "jsonObject",
    secret: false,
    inputs: { appMetadata: serverInput(metadataSchema) },
    audited: true,
  },
  serverMetadata: {
    storage: column("serverMetadata", "jsonb"),
    visibility: "server",
    view: "jsonObject",
    secret: true,
    inputs: { serverMetadata: serverInput(metadataSchema) },
    audited: true,
  },
  /**
   * Dialect B's `secureMetadata` (DESIGN §3): written by the user ("accepted but never returned"),
   * so never the server's own metadata — shown only with server access, redacted in diffs.
   */
  secureMetadata: {
    storage: column("secureMetadata", "jsonb"),
    visibility: "server",
    view: "jsonObject",
    secret: true,
    inputs: { secureMetadata: userInput(metadataSchema) },
    audited: true,
  },
  selectedTeamId: profile("selectedTeamId", "uuid", teamIdSchema.nullable()),
  roles: readOnly(system("roles", "text[]")),
  status: readOnly(system("status", "text")),
  featureFlags: profile("featureFlags", "text[]", featureFlagsSchema),
  notifications: profile("notifications", "text[]", notificationsSchema),
  locale: profile("locale", "text", localeSchema, "locale"),
  expoPushToken: profile("expoPushToken", "text", expoPushTokenSchema.nullable()),
  password: {
    storage: column("passwordHash", "text"),
    visibility: "nobody",
    presence: "hasPassword",
    view: "value",
    secret: true,
    inputs: {
      /** Length rules depend on the calling door's policy (see user-update.ts). */
      password: userInput(z.string(fails("invalid_type")), "prepare"),
      /** Imports a password hash (bcrypt or argon2id, Modular Crypt Format). */
      passwordHash: serverInput(passwordHashSchema, "prepare"),
    },
    audited: true,
  },
  totpSecret: {
    storage: column("totpSecretEncrypted", "text"),
    visibility: "nobody",
    presence: "totpEnabled",
    view: "value",
    secret: true,
    /** Enables 2FA with this secret (stored encrypted); `null` disables 2FA. */
    inputs: { totpSecretBase64: userInput(totpSecretBase64Schema.nullable(), "prepare") },
    audited: true,
  },
  createdAt: readOnly(system("createdAt", "timestamptz"), "timestamp"),
  updatedAt: readOnly(system("updatedAt", "timestamptz"), "timestamp"),
  lastActiveAt: readOnly(system("lastActiveAt", "timestamptz"), "timestamp"),
} as const satisfies Record<string, FieldSpec>;

export type UserFieldName = keyof typeof USER_FIELDS;

/** Every field, with its name. */
export const userFieldEntries = (): [UserFieldName, FieldSpec][] =>
  Object.entries(USER_FIELDS) as [UserFieldName, FieldSpec][];

type InputsOf<F> = F extends { inputs: infer I } ? I : never;
type AllInputs = { [F in UserFieldName]: InputsOf<(typeof USER_FIELDS)[F]> }[UserFieldName];
type UnionToIntersection<U> = (U extends unknown ? (value: U) => void : never) extends (value: infer I) => void
  ? I
  : never;

/** Every input of the update, by key, with its schema. */
export type UpdateInputs = UnionToIntersection<AllInputs>;
export type UpdateInputKey = Extract<keyof UpdateInputs, string>;

export interface UpdateInputEntry extends FieldInput {
  key: UpdateInputKey;
  field: UserFieldName;
}

/** Every input key of the update with the field it writes. */
export const UPDATE_INPUTS: readonly UpdateInputEntry[] = userFieldEntries().flatMap(([field, spec]) =>
  Object.entries(spec.inputs).map(([key, input]) => ({ ...input, key: key as UpdateInputKey, field })),
);

const INPUTS_BY_KEY = new Map(UPDATE_INPUTS.map((input) => [input.key as string, input]));

/** The input of the update named `key`, if there is one. */
export function updateInput(key: string): UpdateInputEntry | undefined {
  return INPUTS_BY_KEY.get(key);
}

/** Keys of the user view that come from related rows, not from the user's own columns. */
export const VIEW_RELATIONS = ["suspensions", "selectedTeam"] as const;

/** Keys of the user view that no update may write: sending one is refused as read-only. */
export const READ_ONLY_FIELDS: readonly string[] = [
  ...userFieldEntries().flatMap(([name, spec]) => [
    ...(spec.visibility === "nobody" ? [] : [name]),
    ...(spec.presence ? [spec.presence] : []),
  ]),
  ...VIEW_RELATIONS,
].filter((key) => !INPUTS_BY_KEY.has(key));
