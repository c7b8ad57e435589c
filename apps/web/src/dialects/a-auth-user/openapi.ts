import type { ZodOpenApiPathsObject } from "zod-openapi";

import { authUserFields, authUserSchema, envelopeSchema, errorEnvelopeSchema } from "./contract";

const json = (schema: Parameters<typeof envelopeSchema>[0]) => ({ "application/json": { schema } });
const errors = {
  400: {
    description: "Invalid request: invalid email format or weak password (`errno` -100004)",
    content: json(errorEnvelopeSchema),
  },
  401: { description: "Invalid or expired access token (`errno` -100002)", content: json(errorEnvelopeSchema) },
};

/** Dialect A in the OpenAPI document. */
export const authUserPaths: ZodOpenApiPathsObject = {
  "/api/v3/auth/user": {
    get: {
      tags: ["A — auth user (seed 000)"],
      summary: "Get the current user",
      security: [{ bearer: [] }],
      responses: {
        200: { description: "The current user", content: json(envelopeSchema(authUserSchema)) },
        401: errors[401],
      },
    },
    put: {
      tags: ["A — auth user (seed 000)"],
      summary: "Update User",
      description:
        "Updates the authenticated user: email (pending until confirmed, unless EMAIL_CHANGE_CONFIRMATION=false), password (immediate; other sessions are signed out) and `data`, merged into user metadata.",
      security: [{ bearer: [] }],
      requestBody: { content: json(authUserFields.schema) },
      responses: {
        200: { description: "The updated user", content: json(envelopeSchema(authUserSchema)) },
        ...errors,
      },
    },
  },
};
