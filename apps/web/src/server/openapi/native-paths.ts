import {
  outboxListInputSchema,
  outboxListSchema,
  projectSchema,
  projectUpsertInputSchema,
  recoverInputSchema,
  resetInputSchema,
  signupInputSchema,
  suspensionCreateInputSchema,
  suspensionSchema,
  teamCreateInputSchema,
  teamMemberAddInputSchema,
  teamSchema,
  tokenRequestSchema,
  tokenResponseSchema,
} from "@profilehub/validators";
import { z } from "zod";
import type { ZodOpenApiPathsObject, ZodOpenApiResponsesObject } from "zod-openapi";

/** ProfileHub's own error body. */
export const nativeErrorSchema = z
  .object({
    error: z.object({
      code: z.string().describe("The router's reason: validation, invalid_credentials, conflict, …"),
      message: z.string(),
      issues: z.array(z.object({ path: z.string(), message: z.string() })),
    }),
  })
  .meta({ id: "Error" });

const json = (schema: z.ZodType) => ({ "application/json": { schema } });
const error = (description: string) => ({ description, content: json(nativeErrorSchema) });
const withoutKeys = <T extends z.ZodObject>(schema: T, keys: string[]) =>
  schema.omit(Object.fromEntries(keys.map((key) => [key, true])) as never);

const adminErrors: ZodOpenApiResponsesObject = {
  400: error("Invalid input: every problem in `issues`"),
  401: error("Missing or wrong `x-api-key`"),
};

const AUTH = ["Accounts"];
const ADMIN = ["Admin (server key)"];

/** `/api/auth/*` and `/api/admin/*`. */
export const nativePaths: ZodOpenApiPathsObject = {
  "/api/auth/signup": {
    post: {
      tags: AUTH,
      summary: "Sign up",
      security: [],
      description: "Creates the account (and its project if new), signs it in, and mails a verification link.",
      requestBody: { content: json(signupInputSchema) },
      responses: {
        201: { description: "Signed up", content: json(tokenResponseSchema) },
        400: error("Invalid email or password"),
        409: error("Email already taken in the project"),
      },
    },
  },
  "/api/auth/token": {
    post: {
      tags: AUTH,
      summary: "Get tokens",
      security: [],
      description:
        "Password grant or refresh-token grant (the refresh token is rotated; reusing a spent one revokes the session).",
      requestBody: {
        content: { ...json(tokenRequestSchema), "application/x-www-form-urlencoded": { schema: tokenRequestSchema } },
      },
      responses: {
        200: { description: "Tokens", content: json(tokenResponseSchema) },
        400: error("Invalid request"),
        401: error("Bad credentials or refresh token"),
        429: error("Too many sign-in attempts for this account"),
      },
    },
  },
  "/api/auth/logout": {
    post: {
      tags: AUTH,
      summary: "Sign out",
      security: [{ bearer: [] }],
      responses: { 204: { description: "The session is revoked" }, 401: error("No valid access token") },
    },
  },
  "/api/auth/resend-verification": {
    post: {
      tags: AUTH,
      summary: "Mail a new link to verify the account's address",
      description: "At most 3 an hour per account; earlier links keep working until they expire (24 h).",
      security: [{ bearer: [] }],
      responses: {
        200: {
          description: "Sent, or nothing to verify",
          content: json(
            z.discriminatedUnion("status", [
              z.object({ status: z.literal("sent"), email: z.string() }),
              z.object({ status: z.literal("already_verified") }),
            ]),
          ),
        },
        401: error("No valid access token"),
        429: error("Too many resends (`rate_limited`, with Retry-After)"),
      },
    },
  },
  "/api/auth/verify-email": {
    get: {
      tags: AUTH,
      summary: "Open a mailed verification link",
      security: [],
      requestParams: { query: z.object({ token: z.string() }) },
      responses: {
        200: {
          description: "Verified (HTML; JSON with `Accept: application/json`)",
          content: {
            ...json(z.object({ email: z.string(), purpose: z.enum(["change_email", "verify_email"]) })),
            "text/html": { schema: z.string() },
          },
        },
        400: error("Invalid, used or expired link"),
      },
    },
  },
  "/api/auth/recover": {
    post: {
      tags: AUTH,
      summary: "Forgot password: mail a reset link",
      security: [],
      description:
        "Mails a single-use link (expires in 1 h) to `{APP_URL}/reset-password?token=…` if the address has an account in the project. " +
        "The answer is the same whether or not it has one; past 3 requests an hour per address, nothing more is sent (still 202).",
      requestBody: { content: json(recoverInputSchema) },
      responses: {
        202: { description: "Accepted", content: json(z.object({ status: z.literal("accepted") })) },
        400: error("Invalid email or projectId"),
      },
    },
  },
  "/api/auth/reset": {
    post: {
      tags: AUTH,
      summary: "Reset the password with a mailed link",
      security: [],
      description:
        "Sets the new password (same rules as a change), spends the link and every other reset link of the account, " +
        "signs every session out, and mails an alert.",
      requestBody: { content: json(resetInputSchema) },
      responses: {
        200: { description: "Password reset", content: json(z.object({ email: z.string() })) },
        400: error("`email_token_invalid` (unknown, used or expired link) or `validation` (e.g. password too short)"),
      },
    },
  },
  "/api/admin/projects/{projectId}": {
    put: {
      tags: ADMIN,
      summary: "Create or update a project (webhooks)",
      security: [{ serverKey: [] }],
      requestParams: { path: z.object({ projectId: z.string() }) },
      requestBody: { content: json(withoutKeys(projectUpsertInputSchema, ["projectId"])) },
      responses: { 200: { description: "The project", content: json(projectSchema) }, ...adminErrors },
    },
  },
  "/api/admin/users/{userId}/suspensions": {
    post: {
      tags: ADMIN,
      summary: "Suspend a user",
      security: [{ serverKey: [] }],
      requestParams: { path: z.object({ userId: z.uuid() }) },
      requestBody: { content: json(withoutKeys(suspensionCreateInputSchema, ["userId"])) },
      responses: {
        201: { description: "The suspension", content: json(suspensionSchema) },
        ...adminErrors,
        404: error("No such user"),
      },
    },
  },
  "/api/admin/teams": {
    post: {
      tags: ADMIN,
      summary: "Create a team",
      security: [{ serverKey: [] }],
      requestBody: { content: json(teamCreateInputSchema) },
      responses: { 201: { description: "The team", content: json(teamSchema) }, ...adminErrors },
    },
  },
  "/api/admin/teams/{teamId}/members": {
    post: {
      tags: ADMIN,
      summary: "Add a member to a team",
      security: [{ serverKey: [] }],
      requestParams: { path: z.object({ teamId: z.uuid() }) },
      requestBody: { content: json(withoutKeys(teamMemberAddInputSchema, ["teamId"])) },
      responses: {
        201: { description: "Added", content: json(z.object({ teamId: z.uuid(), userId: z.uuid() })) },
        ...adminErrors,
        404: error("No such team, or the user is not in the team's project"),
      },
    },
  },
  "/api/admin/outbox": {
    get: {
      tags: ADMIN,
      summary: "List the mail outbox",
      description:
        "Counts per state and the newest mails in one state (default `failed`: mails whose retry window passed without a successful send).",
      security: [{ serverKey: [] }],
      requestParams: { query: outboxListInputSchema },
      responses: { 200: { description: "The outbox", content: json(outboxListSchema) }, ...adminErrors },
    },
  },
};
