import type { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";

import { formJsonBodySchema, formJsonErrorSchema, formJsonRequestSchema, formJsonSuccessSchema } from "./contract";

const TAGS = ["C — form json update (seed 002)"];
const json = (schema: z.ZodType) => ({ "application/json": { schema } });
const error = (description: string) => ({ description, content: json(formJsonErrorSchema) });

/** Dialect C in the OpenAPI document. */
export const formJsonPaths: ZodOpenApiPathsObject = {
  "/api/user/update": {
    get: {
      tags: TAGS,
      summary: "Get the current user",
      description: "The same envelope as the update, `changes` holding every field with its current value.",
      security: [{ bearer: [] }],
      responses: {
        200: { description: "The current user", content: json(formJsonSuccessSchema) },
        400: error("Unauthorized: missing, invalid or expired token (`code` 400)"),
      },
    },
    put: {
      tags: TAGS,
      summary: "Update User",
      description:
        "Updates the authenticated user’s profile. The JWT goes in `Authorization`, with or without `Bearer `. The fields come in the form (or JSON) field `json` as a JSON string; a JSON body with the fields themselves is accepted too. `name`, `surname` (letters only) and `email` (valid, unique) are required; `description` is optional. `id`, `role`, `password`, `created_at`, `remember_token` and unknown keys are ignored. An email change applies at once, unverified: a verification link goes to the new address and a notice to the old one.",
      security: [{ bearer: [] }],
      requestBody: {
        content: {
          "application/x-www-form-urlencoded": { schema: formJsonRequestSchema },
          ...json(formJsonBodySchema),
        },
      },
      responses: {
        200: { description: "Updated; `changes` lists the fields that changed", content: json(formJsonSuccessSchema) },
        400: error("Unauthorized, or invalid input (every problem in `message`), or malformed JSON"),
        405: error("Method not allowed"),
        409: error("The user was changed by another request; try again"),
        413: error("Request body too large"),
        415: error("Unsupported Content-Type"),
        500: error("Internal server error"),
      },
    },
  },
};
