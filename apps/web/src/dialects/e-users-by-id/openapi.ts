import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";

import {
  usersByIdErrorSchema,
  usersByIdRequestSchema,
  usersByIdSuccessSchema,
  usersByIdValidationErrorSchema,
} from "./contract";

const TAGS = ["E — users by id (seed 004)"];
const json = (schema: z.ZodType) => ({ "application/json": { schema } });
const error = (description: string) => ({ description, content: json(usersByIdErrorSchema) });
const requestParams = { path: z.object({ id: z.number().int().min(1).describe("User ID") }) };
const common = {
  401: error("Authentication required: missing, invalid or expired token, or another user's id"),
  404: error("User not found"),
};

/** Dialect E in the OpenAPI document. */
export const usersByIdPaths: ZodOpenApiPathsObject = {
  "/users/{id}": {
    get: {
      tags: TAGS,
      summary: "Get user",
      description: "The user's own record, in the update's envelope (`message`: User retrieved successfully).",
      security: [{ bearer: [] }],
      requestParams,
      responses: { 200: { description: "The user", content: json(usersByIdSuccessSchema) }, ...common },
    },
    put: {
      tags: TAGS,
      summary: "Update user",
      description:
        "Update information for a specific user. Users can only update their own profile. If the email address is changed, the user's email is marked as unverified and a verification email is sent to the new address. `id`, `roles`, `status` and `created_at` sent back inside `user` are ignored; other unknown keys are refused (422).",
      security: [{ bearer: [] }],
      requestParams,
      requestBody: { required: true, content: json(usersByIdRequestSchema) },
      responses: {
        200: { description: "User updated successfully", content: json(usersByIdSuccessSchema) },
        400: error("Malformed JSON"),
        ...common,
        405: error("Method not allowed"),
        409: error("The user was changed by another request; try again"),
        413: error("Request body too large"),
        415: error("Unsupported Content-Type"),
        422: { description: "Validation error: every failing field", content: json(usersByIdValidationErrorSchema) },
        500: error("Internal server error"),
      },
    },
  },
};
