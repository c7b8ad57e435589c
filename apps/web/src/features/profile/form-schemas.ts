import {
  bioSchema,
  birthdateSchema,
  displayNameSchema,
  firstNameSchema,
  type Issue,
  lastNameSchema,
  localeSchema,
  locationSchema,
  metadataSchema,
  notificationsSchema,
  usernameSchema,
} from "@profilehub/validators";
import { z } from "zod";

import type { Messages } from "@/i18n";

import { checkWithSchema } from "../settings/schema-check";

/**
 * The profile page's form schemas, built on the shared ones. Loaded by ./form-schemas-loader when
 * a form first validates, so zod is not part of the page's first load (docs/performance.md, "Pages").
 */
/**
 * A text input for a nullable field: an empty (or blank) input clears the field (`null`),
 * anything else must pass the shared schema.
 */
export function clearableText<T extends z.ZodType<string, string>>(schema: T) {
  return z
    .string()
    .transform((value) => (value.trim() === "" ? null : value))
    .pipe(schema.nullable());
}

export const displayNameForm = z.object({ displayName: clearableText(displayNameSchema) });

export const fullNameForm = z.object({
  firstName: clearableText(firstNameSchema),
  lastName: clearableText(lastNameSchema),
});

export const bioForm = z.object({ bio: clearableText(bioSchema) });

export const birthdateForm = z.object({ birthdate: clearableText(birthdateSchema) });

export const usernameForm = z.object({ username: clearableText(usernameSchema) });

export const localeForm = z.object({ locale: localeSchema });

export const notificationsForm = z.object({ notifications: notificationsSchema });

/** The notifications form's check, here so that it stays out of the page's first load too (./preferences). */
export const checkNotifications = (values: { notifications: string[] }, problem: (issue: Issue) => string) =>
  checkWithSchema(notificationsForm, values, problem);

/** Two text inputs → `{longitude, latitude}` checked by the shared schema, or `null` when both are empty. */
export function locationForm(t: Messages) {
  // A decimal comma (French "48,8566") is a decimal point: coordinates have no thousands separator.
  const coordinate = z
    .string()
    .trim()
    .transform((value) => value.replace(",", "."));
  return z.object({
    location: z
      .object({ latitude: coordinate, longitude: coordinate })
      .superRefine((value, ctx) => {
        const empty = [value.latitude === "", value.longitude === ""];
        if (empty[0] !== empty[1]) {
          const path = empty[0] ? "latitude" : "longitude";
          ctx.addIssue({ code: "custom", path: [path], message: t.profile.location.bothRequired });
        }
        for (const key of ["latitude", "longitude"] as const) {
          if (value[key] !== "" && !Number.isFinite(Number(value[key]))) {
            ctx.addIssue({ code: "custom", path: [key], message: t.profile.location.notANumber });
          }
        }
      })
      .transform((value) =>
        value.latitude === "" && value.longitude === ""
          ? null
          : { longitude: Number(value.longitude), latitude: Number(value.latitude) },
      )
      .pipe(locationSchema.nullable()),
  });
}

/** JSON text → an object checked by the shared metadata schema; parse errors say where. */
export function metadataForm(t: Messages) {
  return z.object({
    userMetadata: z
      .string()
      .transform((text, ctx) => {
        if (text.trim() === "") return {};
        try {
          return JSON.parse(text) as unknown;
        } catch (error) {
          ctx.addIssue({
            code: "custom",
            message: t.profile.userMetadata.invalidJson(error instanceof Error ? error.message : String(error)),
          });
          return z.NEVER;
        }
      })
      .pipe(
        z.custom<unknown>((value) => typeof value === "object" && value !== null && !Array.isArray(value), {
          error: t.profile.userMetadata.notObject,
        }),
      )
      .pipe(metadataSchema),
  });
}
