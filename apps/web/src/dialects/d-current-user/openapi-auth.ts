import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";

import {
  currentUserFields,
  stackErrorSchema,
  stackServerUserSchema,
  stackTeamSchema,
  stackUserSchema,
} from "./contract";

const json = (schema: z.ZodType) => ({ "application/json": { schema } });
const error = (description: string) => ({
  description,
  headers: z.object({ "x-stack-known-error": z.string().describe("The error's code") }),
  content: json(stackErrorSchema),
});
const TAGS = ["D — current user (seed 003)"];

const stackHeaders = z.object({
  "x-stack-project-id": z.string().describe("The project: its id or its Stack UUID"),
  "x-stack-access-type": z.enum(["client", "server"]).describe("client, or server with the secret server key"),
  "x-stack-access-token": z.string().optional().describe("A user's access token"),
  "x-stack-secret-server-key": z.string().optional().describe("SERVER_API_KEY; required with access type server"),
});
const credentials = z.object({ email: z.string(), password: z.string() }).meta({ id: "StackCredentials" });
const tokens = z
  .object({ access_token: z.string(), refresh_token: z.string(), user_id: z.uuid() })
  .meta({ id: "StackTokens" });
const grant = z
  .object({
    grant_type: z.literal("refresh_token"),
    refresh_token: z.string(),
    client_id: z.string().describe("The project: its id or its Stack UUID"),
    client_secret: z.string().optional().describe("The publishable client key (checked when the project has one)"),
  })
  .meta({ id: "StackRefreshGrant" });
const granted = z
  .object({
    access_token: z.string(),
    refresh_token: z.string().describe("The same refresh token: Stack does not rotate it"),
    token_type: z.literal("Bearer"),
    expires_in: z.number().int(),
  })
  .meta({ id: "StackRefreshedTokens" });
/** Stack's answer to a deletion. */
export const deleted = z.object({ success: z.literal(true) }).meta({ id: "StackDeleted" });
const user = { description: "The user", content: json(z.union([stackUserSchema, stackServerUserSchema])) };
const userId = z.object({ userId: z.uuid().describe("The user's id") });

const success = {
  description: "Done",
  content: json(z.object({ success: z.literal(true) }).meta({ id: "StackSuccess" })),
};
const mfa = z
  .object({
    type: z.literal("totp"),
    totp: z.string().describe("The authenticator's current code"),
    code: z.string().describe("details.attempt_code of MULTI_FACTOR_AUTHENTICATION_REQUIRED"),
  })
  .meta({ id: "StackMfaSignIn" });
const mfaTokens = z
  .object({ access_token: z.string(), refresh_token: z.string(), is_new_user: z.literal(false), user_id: z.uuid() })
  .meta({ id: "StackMfaTokens" });
const session = z
  .object({
    id: z.uuid(),
    user_id: z.uuid(),
    created_at: z.number().describe("Milliseconds since epoch"),
    last_used_at: z.number().describe("Milliseconds since epoch"),
    is_impersonation: z.literal(false),
    is_current_session: z.boolean(),
    last_used_at_end_user_ip_info: z
      .object({ ip: z.string() })
      .passthrough()
      .optional()
      .describe("The address last seen (no location: ProfileHub does not geolocate)"),
  })
  .meta({ id: "StackSession" });
const list = (item: z.ZodType) => z.object({ items: z.array(item), is_paginated: z.literal(false) });
const ownUserQuery = z.object({ user_id: z.literal("me").describe("Only the caller's own (me) is served") });
const plain = (description: string) => ({ description, content: { "text/plain": { schema: z.string() } } });
/** The signed-in user's access token. */
const tokenSecurity: Record<string, string[]>[] = [{ stackAccessToken: [] }];

/** The user's own token, or the server key (server access reaches any user of the project). */
const userSecurity: Record<string, string[]>[] = [{ stackAccessToken: [] }, { stackServerKey: [] }];

const password = (summary: string, errors: string) => ({
  tags: TAGS,
  summary,
  security: [],
  requestParams: { header: stackHeaders },
  requestBody: { content: json(credentials) },
  responses: { 200: { description: "Signed in", content: json(tokens) }, 400: error(errors) },
});

/** Dialect D: what Stack Auth's SDK calls besides `/users/me`. */
export const stackAuthPaths: ZodOpenApiPathsObject = {
  "/api/v1/auth/password/sign-in": {
    post: password(
      "Sign in with email and password",
      "EMAIL_PASSWORD_MISMATCH, SCHEMA_ERROR, MULTI_FACTOR_AUTHENTICATION_REQUIRED (details.attempt_code)",
    ),
  },
  "/api/v1/auth/password/sign-up": {
    post: password(
      "Sign up with email and password",
      "PASSWORD_TOO_SHORT, SCHEMA_ERROR (409: USER_EMAIL_ALREADY_EXISTS)",
    ),
  },
  "/api/v1/auth/mfa/sign-in": {
    post: {
      tags: TAGS,
      summary: "Sign in with a TOTP code (second step)",
      security: [],
      requestParams: { header: stackHeaders },
      requestBody: { content: json(mfa) },
      responses: {
        200: { description: "Signed in", content: json(mfaTokens) },
        400: error("INVALID_TOTP_CODE, SCHEMA_ERROR"),
        404: error("VERIFICATION_CODE_NOT_FOUND (not ours, expired, another project)"),
      },
    },
  },
  "/api/v1/auth/password/update": {
    post: {
      tags: TAGS,
      summary: "Update the password (old password required)",
      security: tokenSecurity,
      requestParams: { header: stackHeaders },
      requestBody: {
        content: json(
          z.object({ old_password: z.string(), new_password: z.string() }).meta({ id: "StackPasswordUpdate" }),
        ),
      },
      responses: {
        200: success,
        400: error("PASSWORD_CONFIRMATION_MISMATCH, PASSWORD_TOO_SHORT, PASSWORD_REQUIREMENTS_NOT_MET, SCHEMA_ERROR"),
        429: plain("Too many wrong old passwords (Retry-After)"),
      },
    },
  },
  "/api/v1/auth/password/set": {
    post: {
      tags: TAGS,
      summary: "Set a password (accounts without one)",
      security: tokenSecurity,
      requestParams: { header: stackHeaders },
      requestBody: { content: json(z.object({ password: z.string() }).meta({ id: "StackPasswordSet" })) },
      responses: {
        200: success,
        400: error("PASSWORD_TOO_SHORT, SCHEMA_ERROR; plain text: a password is already set"),
      },
    },
  },
  "/api/v1/auth/sessions": {
    get: {
      tags: TAGS,
      summary: "List the caller's sessions",
      security: tokenSecurity,
      requestParams: { header: stackHeaders, query: ownUserQuery },
      responses: {
        200: { description: "The sessions", content: json(list(session)) },
        403: plain("user_id other than me"),
      },
    },
  },
  "/api/v1/auth/sessions/{sessionId}": {
    delete: {
      tags: TAGS,
      summary: "Revoke one of the caller's other sessions",
      security: tokenSecurity,
      requestParams: { header: stackHeaders, query: ownUserQuery, path: z.object({ sessionId: z.uuid() }) },
      responses: {
        200: success,
        400: error("CANNOT_DELETE_CURRENT_SESSION"),
        404: plain("Session not found (unknown, or someone else's)"),
      },
    },
  },
  "/api/v1/teams": {
    get: {
      tags: TAGS,
      summary: "List the caller's teams",
      security: tokenSecurity,
      requestParams: { header: stackHeaders, query: ownUserQuery },
      responses: {
        200: { description: "The teams", content: json(list(stackTeamSchema)) },
        403: plain("user_id other than me"),
      },
    },
  },
  "/api/v1/auth/oauth/token": {
    post: {
      tags: TAGS,
      summary: "Refresh an access token (OAuth refresh grant)",
      security: [],
      requestBody: { content: { "application/x-www-form-urlencoded": { schema: grant } } },
      responses: {
        200: { description: "A new access token", content: json(granted) },
        400: error(
          "SCHEMA_ERROR (grant_type), INVALID_OAUTH_CLIENT_ID_OR_SECRET (no client_id, wrong publishable key)",
        ),
        401: error("REFRESH_TOKEN_NOT_FOUND_OR_EXPIRED"),
      },
    },
  },
  "/api/v1/users/{userId}": {
    get: {
      tags: TAGS,
      summary: "Get a user by id",
      security: userSecurity,
      requestParams: { header: stackHeaders, path: userId },
      responses: { 200: user, 401: error("INVALID_SECRET_SERVER_KEY, …"), 404: error("USER_NOT_FOUND") },
    },
    patch: {
      tags: TAGS,
      summary: "Update a user by id",
      security: userSecurity,
      description: "The fields and rules of PATCH /api/v1/users/me; server access reaches any user of the project.",
      requestParams: { header: stackHeaders, path: userId },
      requestBody: { content: json(currentUserFields.schema) },
      responses: { 200: user, 400: error("SCHEMA_ERROR, …"), 404: error("USER_NOT_FOUND") },
    },
    delete: {
      tags: TAGS,
      summary: "Delete a user by id",
      security: [{ stackServerKey: [] }],
      description:
        "Server access only (Stack's server `user.delete()`): the account, its sessions and tokens are deleted at once, a tombstone without personal data is kept and a notice is mailed.",
      requestParams: { header: stackHeaders, path: userId },
      responses: {
        200: { description: "Deleted", content: json(deleted) },
        401: error("INVALID_SECRET_SERVER_KEY (server access, wrong key); INSUFFICIENT_ACCESS_TYPE (client access)"),
        404: error("USER_NOT_FOUND"),
      },
    },
  },
};
