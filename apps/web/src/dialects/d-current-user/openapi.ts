import { z } from "zod";
import type { ZodOpenApiPathsObject, ZodOpenApiResponsesObject } from "zod-openapi";

import { currentUserFields, stackErrorSchema, stackServerUserSchema, stackUserSchema } from "./contract";
import { deleted, stackAuthPaths } from "./openapi-auth";

const json = (schema: z.ZodType) => ({ "application/json": { schema } });
const error = (description: string) => ({
  description,
  headers: z.object({ "x-stack-known-error": z.string().describe("The error's code") }),
  content: json(stackErrorSchema),
});

const headers = z.object({
  "x-stack-project-id": z.string().describe("The project of the user's access token"),
  "x-stack-access-type": z.enum(["client", "server"]).describe("client, or server with the secret server key"),
  "x-stack-access-token": z.string().optional().describe("The user's access token (required for /users/me)"),
  "x-stack-secret-server-key": z.string().optional().describe("SERVER_API_KEY; required with access type server"),
  "x-stack-publishable-client-key": z
    .string()
    .optional()
    .describe("Client access: required to be the project's publishable key once the project has one"),
});

const user = {
  description: "The current user (`server_metadata` only with server access)",
  content: json(z.union([stackUserSchema, stackServerUserSchema])),
};

const authErrors: ZodOpenApiResponsesObject = {
  400: error(
    "ACCESS_TYPE_REQUIRED, PROJECT_KEY_WITHOUT_ACCESS_TYPE, INVALID_ACCESS_TYPE, ACCESS_TYPE_WITHOUT_PROJECT_ID, CANNOT_GET_OWN_USER_WITHOUT_USER",
  ),
  401: error(
    "UNPARSABLE_ACCESS_TOKEN, ACCESS_TOKEN_EXPIRED, INVALID_PROJECT_FOR_ACCESS_TOKEN, ACCESS_TOKEN_EXPIRED (also for a revoked session), INVALID_SECRET_SERVER_KEY, INSUFFICIENT_ACCESS_TYPE (admin)",
  ),
};

const TAGS = ["D — current user (seed 003)"];

/** A user's access token, with or without server access (`x-stack-*` or `x-hexclave-*` headers). */
const security: Record<string, string[]>[] = [{ stackAccessToken: [] }, { stackAccessToken: [], stackServerKey: [] }];

/** Dialect D in the OpenAPI document. */
export const currentUserPaths: ZodOpenApiPathsObject = {
  "/api/v1/users/me": {
    get: {
      tags: TAGS,
      summary: "Get current user",
      security,
      requestParams: { header: headers },
      responses: { 200: user, ...authErrors, 404: error("USER_NOT_FOUND") },
    },
    patch: {
      tags: TAGS,
      summary: "Update current user",
      security,
      description:
        "Updates the currently authenticated user. Only the values provided will be updated. Client access may write display_name, profile_image_url, client_metadata, selected_team_id, totp_secret_base64 and primary_email; server access every field. Metadata objects are replaced. password and password_hash revoke all sessions, the caller's included.",
      requestParams: { header: headers },
      requestBody: { content: json(currentUserFields.schema) },
      responses: {
        200: user,
        ...authErrors,
        400: error(
          "SCHEMA_ERROR (every offending key or invalid field), BODY_PARSING_ERROR, PASSWORD_TOO_SHORT, PASSWORD_TOO_LONG, PASSWORD_REQUIREMENTS_NOT_MET, and the header errors above",
        ),
        404: error("TEAM_MEMBERSHIP_NOT_FOUND (selected_team_id of a team the user is not in), USER_NOT_FOUND"),
        409: error("USER_EMAIL_ALREADY_EXISTS, USER_UPDATE_CONFLICT"),
        413: error("BODY_PARSING_ERROR: body over 256 KB"),
        422: error("USER_UPDATE_REJECTED: the project's validateUserUpdated webhook refused the change"),
        502: error("USER_UPDATE_WEBHOOK_FAILED: the project's webhook could not be asked"),
      },
    },
    delete: {
      tags: TAGS,
      summary: "Delete current user",
      security,
      description:
        "Stack's `user.delete()`: deletes the signed-in account at once (sessions, tokens, personal data; a tombstone without personal data is kept; a notice is mailed). Client access only when the project's clientUserDeletionEnabled is on (PUT /api/admin/projects/{projectId}), else a plain-text 400 `Client user deletion is not enabled for this project`, as Stack; server access always.",
      requestParams: { header: headers },
      responses: {
        200: { description: "Deleted", content: json(deleted) },
        ...authErrors,
        400: {
          description:
            "Client deletion is off for the project (text/plain, Stack's StatusError, no x-stack-known-error), or a header known error: ACCESS_TYPE_REQUIRED, PROJECT_KEY_WITHOUT_ACCESS_TYPE, INVALID_ACCESS_TYPE, ACCESS_TYPE_WITHOUT_PROJECT_ID, CANNOT_GET_OWN_USER_WITHOUT_USER",
          content: { ...json(stackErrorSchema), "text/plain": { schema: z.string() } },
        },
      },
    },
  },
  ...stackAuthPaths,
};
