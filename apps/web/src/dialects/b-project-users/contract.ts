import { z } from "zod";

import { defineFields, field } from "../shared/fields";

/** Dialect B — `PATCH /:projectId/users/:userId` (seed 001): the fields of `update` and their canonical names. */
export const projectUserFields = defineFields({
  name: field("displayName", "Updated name (null clears it)"),
  username: field(
    "username",
    "Updated username: trimmed, lowercased, and every character other than a-z, 0-9, . and _ removed; 3-30 characters after that; unique in the project. The sanitized value is stored and returned.",
  ),
  avatar: field(
    "avatarUrl",
    "URL to the user's new avatar: an https URL, or a base64 data URL of a PNG, JPEG, GIF, WebP or AVIF image under 100 KB",
  ),
  bio: field("bio", "User biography (at most 1000 characters)"),
  birthdate: field(
    "birthdate",
    "User's birthdate: an ISO date (YYYY-MM-DD; an ISO timestamp's date part is kept), between 1900-01-01 and today",
  ),
  location: field("location", "Object with longitude (-180..180) and latitude (-90..90); returned as a GeoJSON Point"),
  metadata: field(
    "userMetadata",
    "Additional metadata: replaces the whole object (at most 16 KB as JSON, 32 levels deep)",
  ),
  secureMetadata: field(
    "secureMetadata",
    "Secure metadata: replaces the whole object; stored, readable only with server access, never returned by this API",
  ),
});

export const updateRequestSchema = z
  .object({ update: projectUserFields.schema.describe("The fields to change; at least one") })
  .meta({ id: "ProjectUserUpdateRequest" });

export const geoPointSchema = z
  .object({
    type: z.literal("Point"),
    coordinates: z.tuple([z.number(), z.number()]).describe("[longitude, latitude]"),
  })
  .meta({ id: "GeoJsonPoint" });

export const suspensionItemSchema = z
  .object({
    id: z.uuid(),
    userId: z.uuid(),
    reason: z.string(),
    startDate: z.string().describe("When the suspension started (ISO timestamp)"),
    endDate: z.string().nullable().describe("When it ends (ISO timestamp); null: indefinite"),
  })
  .meta({ id: "ProjectUserSuspension" });

export const projectUserSchema = z
  .object({
    id: z.uuid().describe("The user's id"),
    username: z.string().nullable().describe("Sanitized username"),
    name: z.string().nullable(),
    avatar: z.string().nullable(),
    bio: z.string().nullable(),
    birthdate: z.string().nullable().describe('Midnight UTC of the birthdate, e.g. "1990-01-01T00:00:00.000Z"'),
    location: geoPointSchema.nullable(),
    metadata: z.record(z.string(), z.json()).describe("User metadata"),
    suspensions: z.array(suspensionItemSchema).describe("Active suspensions only"),
  })
  .meta({ id: "ProjectUser" });

export const projectUserErrorSchema = z
  .object({
    error: z.string().describe("Readable message; validation errors name every offending field"),
    code: z.string().describe("user/missing-data, user/invalid-data, user/not-found, … (see the docs)"),
    details: z.string().optional().describe("Server errors only: what went wrong, never internals"),
  })
  .meta({ id: "ProjectUserError" });

/** The path of the resource. */
export interface ProjectUserParams {
  projectId: string;
  userId: string;
}
