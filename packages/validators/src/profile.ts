import { z } from "zod";

const trimmedText = (label: string, max: number) =>
  z
    .string({ error: `${label} must be a string` })
    .trim()
    .min(1, { error: `${label} cannot be empty (send null to clear it)` })
    .max(max, { error: `${label} is too long (maximum is ${max} characters)` });

export const displayNameSchema = trimmedText("Display name", 100);
export const firstNameSchema = trimmedText("First name", 100);
export const lastNameSchema = trimmedText("Last name", 100);

export const BIO_MAX_LENGTH = 1000;
export const bioSchema = z
  .string({ error: "Bio must be a string" })
  .max(BIO_MAX_LENGTH, { error: `Bio is too long (maximum is ${BIO_MAX_LENGTH} characters)` });

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T[0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * A birthdate: `YYYY-MM-DD`, or an ISO timestamp whose calendar date is taken as written.
 * Stored and returned as `YYYY-MM-DD`; must be a real date between 1900-01-01 and today.
 */
export const birthdateSchema = z
  .string({ error: "Birthdate must be an ISO date string (YYYY-MM-DD)" })
  .trim()
  .transform((value, ctx) => {
    const match = ISO_DATE.exec(value);
    const date = match ? `${match[1]}-${match[2]}-${match[3]}` : "";
    const parsed = new Date(`${date}T00:00:00.000Z`);
    if (!match || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) {
      ctx.addIssue({ code: "custom", message: "Birthdate must be an ISO date (YYYY-MM-DD)" });
      return z.NEVER;
    }
    if (date < "1900-01-01" || parsed.getTime() > Date.now()) {
      ctx.addIssue({ code: "custom", message: "Birthdate must be between 1900-01-01 and today" });
      return z.NEVER;
    }
    return date;
  });

const coordinate = (label: string, limit: number) =>
  z
    .number({ error: `${label} must be a number` })
    .min(-limit, { error: `${label} must be between -${limit} and ${limit}` })
    .max(limit, { error: `${label} must be between -${limit} and ${limit}` });

/** A point on Earth; returned to dialects as a GeoJSON Point `[longitude, latitude]`. */
export const locationSchema = z.strictObject(
  {
    longitude: coordinate("Longitude", 180),
    latitude: coordinate("Latitude", 90),
  },
  { error: "Location must be an object with longitude and latitude" },
);

export const LOCALES = ["en", "fr"] as const;
export type Locale = (typeof LOCALES)[number];
export const localeSchema = z.enum(LOCALES, { error: "Locale must be one of: en, fr" });

const TAG = /^[A-Za-z0-9_.:-]{1,64}$/;
const tagList = (label: string) =>
  z
    .array(
      z
        .string({ error: `${label} entries must be strings` })
        .trim()
        .regex(TAG, {
          error: `${label} entries must be 1-64 characters of letters, digits, _ . : -`,
        }),
      { error: `${label} must be an array of strings` },
    )
    .max(50, { error: `${label} can hold at most 50 entries` })
    .transform((values) => [...new Set(values)]);

export const featureFlagsSchema = tagList("Feature flags");
export const notificationsSchema = tagList("Notifications");

export const expoPushTokenSchema = z
  .string({ error: "Expo push token must be a string" })
  .trim()
  .regex(/^(ExponentPushToken|ExpoPushToken)\[[^\]\s]{1,200}\]$/, {
    error: "Expo push token must be in format ExponentPushToken[...] or ExpoPushToken[...]",
  });

export const teamIdSchema = z.uuid({ error: "Team id must be a UUID" });
