import { alphabeticNameSchema } from "@profilehub/validators";
import { z } from "zod";

import { defineFields, field } from "../shared/fields";

/** Dialect C — `PUT /api/user/update` (seed 002): the fields of the `json` string, and their canonical names. */
export const formJsonFields = defineFields({
  name: field("firstName", "User’s first name (alphabetic characters only); required", alphabeticNameSchema),
  surname: field("lastName", "User’s last name (alphabetic characters only); required", alphabeticNameSchema),
  email: field("email", "User’s email address (must be unique); required. A change applies at once, unverified"),
  description: field("bio", "User’s profile description (optional; empty or null clears it)"),
});

export type FormJsonField = (typeof formJsonFields.names)[number];

/** The request as the document shows it: a form (or JSON) field `json` holding the fields as a JSON string. */
export const formJsonRequestSchema = z
  .object({
    json: z
      .string()
      .describe(
        'JSON string containing the user fields to update, e.g. {"name":"John","surname":"Doe","email":"john@example.com","description":"Senior developer"}',
      ),
  })
  .meta({ id: "FormJsonUpdateForm" });

/** Also accepted: a JSON body with `json`, or with the fields themselves (the document's first curl example). */
export const formJsonBodySchema = formJsonFields.schema
  .extend({
    json: z.string().optional().describe("JSON string containing the fields (wins over fields sent beside it)"),
  })
  .meta({ id: "FormJsonUpdateBody" });

const changesSchema = z
  .object({
    name: z.string().nullable().optional(),
    surname: z.string().nullable().optional(),
    email: z.string().optional(),
    description: z.string().nullable().optional(),
  })
  .describe("The fields that actually changed, with their new values (GET: every field with its current value)");

export const formJsonSuccessSchema = z
  .object({
    code: z.literal(200).describe("HTTP status code"),
    status: z.literal("success"),
    user: z
      .object({
        sub: z.number().int().describe("User’s ID (its number, as in the JWT)"),
        email: z.string().describe("User’s email (as stored, after the update)"),
      })
      .describe("The authenticated user"),
    changes: changesSchema,
  })
  .meta({ id: "FormJsonUpdateResponse" });

export const formJsonErrorSchema = z
  .object({
    code: z.number().int().describe("HTTP status code (400 for unauthorized and for invalid input)"),
    status: z.literal("error"),
    message: z.string().describe("What went wrong; for invalid input, every problem"),
  })
  .meta({ id: "FormJsonError" });
