import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";

import { projectUserErrorSchema, projectUserSchema, updateRequestSchema } from "./contract";

const json = (schema: z.ZodType) => ({ "application/json": { schema } });
const error = (description: string) => ({ description, content: json(projectUserErrorSchema) });
const TAGS = ["B — project users (seed 001)"];
const SECURITY: Record<string, string[]>[] = [{ bearer: [] }, { serverKey: [] }];

const requestParams = {
  path: z.object({
    projectId: z.string().describe("The project's id"),
    userId: z.string().describe("The ID of the user (UUID)"),
  }),
};

const common = {
  401: error("Missing, invalid, expired or revoked access token, or a wrong `x-api-key` (`auth/unauthorized`)"),
  403: error("The user is not the caller (`user/not-authorized`); server access may update anyone"),
  404: error("No such user in this project, or a malformed id (`user/not-found`)"),
  500: error("Server error (`user/server-error`); `details` never holds internals"),
};

/** Dialect B in the OpenAPI document. */
export const projectUserPaths: ZodOpenApiPathsObject = {
  "/{projectId}/users/{userId}": {
    get: {
      tags: TAGS,
      summary: "Get User",
      description: "The user themself (bearer token), or any user of the project with server access (`x-api-key`).",
      security: SECURITY,
      requestParams,
      responses: { 200: { description: "The user", content: json(projectUserSchema) }, ...common },
    },
    patch: {
      tags: TAGS,
      summary: "Update User",
      description:
        "Update details of an existing user. Only fields provided in `update` are modified. The project's `validateUserUpdated` webhook (if set) is called before the update and can block it. `secureMetadata` is accepted but never returned; `suspensions` lists the active ones.",
      security: SECURITY,
      requestParams,
      requestBody: { required: true, content: json(updateRequestSchema) },
      responses: {
        200: { description: "The updated user", content: json(projectUserSchema) },
        400: error(
          "Missing or empty `update` (`user/missing-data`); invalid or unknown fields (`user/invalid-data`, every field named in `error`); rejected by the validateUserUpdated webhook (`user/validation-failed`); malformed JSON (`request/invalid-json`)",
        ),
        ...common,
        409: error("Username already taken in the project (`user/username-taken`)"),
        413: error("Body larger than 256 KB (`request/too-large`)"),
        415: error("Body not JSON (`request/unsupported-media-type`)"),
        500: error(
          "Server error, or the validateUserUpdated webhook could not approve the update (unreachable, timed out, bad signature, non-2xx): `user/server-error` with `details`",
        ),
      },
    },
  },
};
