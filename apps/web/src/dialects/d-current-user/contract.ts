import { metadataSchema, passwordSchema } from "@profilehub/validators";
import { z } from "zod";

import { defineFields, field } from "../shared/fields";

const IMAGE =
  "URL of the profile image for user. Can be a Base64 encoded image. Must be smaller than 100KB. Please compress and crop to a square before passing in.";
const CLIENT_METADATA =
  "Client metadata. Used as a data store, accessible from the client side. Do not store information that should not be exposed to the client.";
const CLIENT_READ_ONLY_METADATA =
  "Client read-only, server-writable metadata. Used as a data store, accessible from the client side. The client can read this data, but cannot modify it.";
const SERVER_METADATA =
  "Server metadata. Used as a data store, only accessible from the server side. You can store secret information related to the user here.";
const EMAIL_AUTH =
  "Whether the primary email is used for authentication. If this is set to false, the user will not be able to sign in with the primary email with password or OTP";

/** Dialect D — `PATCH /api/v1/users/me` (seed 003, Stack Auth): request fields and their canonical names. */
export const currentUserFields = defineFields({
  display_name: field(
    "displayName",
    "Human-readable user display name. This is not a unique identifier. (An empty string clears it.)",
  ),
  profile_image_url: field("avatarUrl", IMAGE),
  client_metadata: field("userMetadata", `${CLIENT_METADATA} Replaced, not merged.`, metadataSchema.nullable()),
  client_read_only_metadata: field(
    "appMetadata",
    `${CLIENT_READ_ONLY_METADATA} Server access only.`,
    metadataSchema.nullable(),
  ),
  server_metadata: field("serverMetadata", `${SERVER_METADATA} Server access only.`, metadataSchema.nullable()),
  primary_email: field(
    "email",
    "Primary email. Applied at once and marked unverified (unless primary_email_verified is true, server access only); a verification link is mailed to it.",
  ),
  primary_email_verified: field(
    "emailVerified",
    "Whether the primary email has been verified to belong to this user. Server access only.",
  ),
  primary_email_auth_enabled: field("emailAuthEnabled", `${EMAIL_AUTH}. Server access only.`),
  password: field(
    "password",
    "Sets the user’s password. Doing so revokes all current sessions. Server access only.",
    passwordSchema(8),
  ),
  password_hash: field(
    "passwordHash",
    "Sets the user’s password hash (bcrypt or argon2id, Modular Crypt Format). Doing so revokes all current sessions. Not together with password. Server access only.",
  ),
  totp_secret_base64: field(
    "totpSecretBase64",
    "Enables 2FA and sets a TOTP secret for the user. Set to null to disable 2FA.",
  ),
  selected_team_id: field(
    "selectedTeamId",
    "ID of the team currently selected by the user (a team the user belongs to; null deselects)",
  ),
});

export type CurrentUserField = (typeof currentUserFields.names)[number];

const jsonObject = z.record(z.string(), z.json());

export const stackTeamSchema = z
  .object({
    id: z.uuid().describe("The unique identifier of the team"),
    display_name: z.string().describe("Human-readable team display name"),
    profile_image_url: z.string().nullable().describe("Not stored by ProfileHub: always null"),
    client_metadata: jsonObject.nullable().describe("Not stored by ProfileHub: always null"),
    client_read_only_metadata: jsonObject.nullable().describe("Not stored by ProfileHub: always null"),
    created_at_millis: z.number().describe("When the team was created (milliseconds since epoch)"),
  })
  .meta({ id: "StackTeam" });

export const stackUserSchema = z
  .object({
    id: z.uuid().describe("The unique identifier of the user"),
    primary_email: z.string().nullable().describe("Primary email"),
    primary_email_verified: z.boolean().describe("Whether the primary email has been verified to belong to this user"),
    primary_email_auth_enabled: z.boolean().describe(EMAIL_AUTH),
    display_name: z.string().nullable().describe("Human-readable user display name. This is not a unique identifier."),
    selected_team: stackTeamSchema.nullable().describe("The team currently selected by the user"),
    selected_team_id: z.uuid().nullable().describe("ID of the team currently selected by the user"),
    profile_image_url: z.string().nullable().describe(IMAGE),
    signed_up_at_millis: z
      .number()
      .describe("The time the user signed up (the number of milliseconds since epoch, January 1, 1970, UTC)"),
    last_active_at_millis: z
      .number()
      .describe("The time the user was last active (the number of milliseconds since epoch, January 1, 1970, UTC)"),
    client_metadata: jsonObject.describe(CLIENT_METADATA),
    client_read_only_metadata: jsonObject.describe(CLIENT_READ_ONLY_METADATA),
    has_password: z.boolean().describe("Whether the user has a password"),
    auth_with_email: z.boolean().describe("Whether the user can sign in with their primary email"),
    oauth_providers: z.array(z.never()).describe("OAuth accounts: ProfileHub has none, always empty"),
    requires_totp_mfa: z.boolean().describe("Whether sign-in requires a TOTP code (two-factor is on)"),
    otp_auth_enabled: z.literal(false).describe("One-time-password (magic link) sign-in: not in ProfileHub"),
    passkey_auth_enabled: z.literal(false).describe("Passkey sign-in: not in ProfileHub"),
    is_anonymous: z.literal(false).describe("ProfileHub has no anonymous users"),
    is_restricted: z.literal(false).describe("ProfileHub has no restricted users"),
    restricted_reason: z.null(),
    restricted_by_admin: z.literal(false),
    restricted_by_admin_reason: z.null(),
  })
  .meta({ id: "StackCurrentUser" });

export const stackServerUserSchema = stackUserSchema
  .extend({
    server_metadata: jsonObject.describe(SERVER_METADATA),
    restricted_by_admin_private_details: z.null(),
    country_code: z.null().describe("Not recorded by ProfileHub"),
    risk_scores: z
      .object({ sign_up: z.object({ bot: z.number().int(), free_trial_abuse: z.number().int() }) })
      .describe("Not computed by ProfileHub: always 0"),
  })
  .meta({ id: "StackCurrentUserWithServerAccess" });

export const stackErrorSchema = z
  .object({
    code: z.string().describe("Stack Auth known-error code, also sent in the x-stack-known-error header"),
    details: z.record(z.string(), z.unknown()).optional().describe("Structured details, for some codes"),
    error: z.string().describe("Human-readable message"),
  })
  .meta({ id: "StackKnownError" });
