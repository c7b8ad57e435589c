import { metadataSchema, passwordSchema } from "@profilehub/validators";
import { z } from "zod";

import { defineFields, field } from "../shared/fields";

/** Dialect A — `PUT /api/v3/auth/user` (seed 000): request fields and their canonical names. */
export const authUserFields = defineFields(
  {
    email: field("email", "New email address (pending until the link mailed to it is opened)"),
    password: field("password", "New password (at least 6 characters); takes effect immediately", passwordSchema(6)),
    data: field("userMetadataPatch", "User metadata to merge (top level; a null value removes the key)"),
  },
  // The vendor's own TypeScript client sends `metadata`: the same merge (the document names `data`).
  { metadata: "data" },
);

export const authUserSchema = z
  .object({
    id: z.uuid().describe("User UUID"),
    email: z.string().describe("User email address"),
    emailConfirmedAt: z.string().nullable().describe("Email confirmation timestamp"),
    phone: z.string().nullable(),
    createdAt: z.string().describe("Account creation timestamp"),
    updatedAt: z.string().describe("Last update timestamp"),
    userMetadata: metadataSchema.describe("User-defined metadata"),
    appMetadata: metadataSchema.describe("Application-defined metadata"),
  })
  .meta({ id: "AuthUser" });

export const envelopeSchema = (data: z.ZodType) =>
  z.object({ data, success: z.boolean(), errno: z.number().int(), error: z.string().nullable() });

export const errorEnvelopeSchema = envelopeSchema(z.null()).meta({ id: "AuthUserError" });
