import { LOCALES, passwordSchema } from "@profilehub/validators";
import { z } from "zod";

import { defineFields, field } from "../shared/fields";

/** Dialect E — `PUT /users/{id}` (seed 004): the fields of `user`, and their canonical names. */
export const usersByIdFields = defineFields({
  first_name: field("firstName", "First name (null clears it). Example: John"),
  last_name: field("lastName", "Last name (null clears it). Example: Doe"),
  email: field("email", "Email; a change is applied at once, unverified, and a verification email is sent"),
  password: field("password", "New password (at least 8 characters). Example: newsecurepassword123", passwordSchema(8)),
  feature_flags: field("featureFlags", "User's feature flags (optional, editable)"),
  notifications: field("notifications", "User's notification preferences (optional, editable)"),
  locale: field("locale", "User's preferred language: en or fr (optional, editable)"),
  expo_push_token: field(
    "expoPushToken",
    "Expo push token: ExponentPushToken[...] or ExpoPushToken[...] (optional, editable)",
  ),
});

/** Fields of E's own response: ignored when a client sends them back (they are never written). */
export const ECHOED_FIELDS = ["id", "roles", "status", "created_at"] as const;

export const usersByIdRequestSchema = z.object({ user: usersByIdFields.schema }).meta({ id: "UsersByIdUpdate" });

export const usersByIdUserSchema = z
  .object({
    id: z.number().int().describe("User ID"),
    email: z.string(),
    first_name: z.string().nullable(),
    last_name: z.string().nullable(),
    roles: z.array(z.string()),
    feature_flags: z.array(z.string()),
    notifications: z.array(z.string()),
    status: z.string().describe("e.g. active"),
    locale: z.enum(LOCALES),
    created_at: z.string().describe("ISO 8601, seconds precision, UTC (e.g. 2024-01-15T10:30:00Z)"),
  })
  .meta({ id: "UsersByIdUser" });

export const usersByIdSuccessSchema = z
  .object({
    status: z.literal("success"),
    message: z.string().describe("User updated successfully (GET: User retrieved successfully)"),
    data: usersByIdUserSchema,
  })
  .meta({ id: "UsersByIdResponse" });

export const usersByIdErrorSchema = z
  .object({ status: z.literal("error"), message: z.string() })
  .meta({ id: "UsersByIdError" });

export const usersByIdValidationErrorSchema = z
  .object({
    status: z.literal("error"),
    message: z.literal("Failed to update user"),
    errors: z.array(
      z.object({
        path: z.string().describe("The property path that failed validation (`base` for the whole record)"),
        message: z.string().describe("The full error message"),
      }),
    ),
  })
  .meta({ id: "UsersByIdValidationError" });
