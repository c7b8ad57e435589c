import { z } from "zod";

import { LOCALES } from "./form-checks";

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
