import { z } from "zod";

import { BIO_MAX_LENGTH, LOCALES } from "./form-checks";
import { customIssue, fails } from "./problems/zod-codes";
import { isStorableText } from "./storable";

/**
 * Schemas name the problem code of each check (`fails("<code>")`, see ./problems/catalog.ts);
 * the wording, in every language, comes from the code, its params and the field's label.
 */
const trimmedText = (max: number) =>
  z
    .string(fails("invalid_type"))
    .trim()
    .min(1, fails("empty"))
    .max(max, fails("too_long"))
    .refine(isStorableText, fails("invalid_characters"));

export const displayNameSchema = trimmedText(100);
export const firstNameSchema = trimmedText(100);
export const lastNameSchema = trimmedText(100);

export const bioSchema = z
  .string(fails("invalid_type"))
  .max(BIO_MAX_LENGTH, fails("too_long"))
  .refine(isStorableText, fails("invalid_characters"));

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T[0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;
export const MIN_BIRTHDATE = "1900-01-01";

/**
 * A birthdate: `YYYY-MM-DD`, or an ISO timestamp whose calendar date is taken as written.
 * Stored and returned as `YYYY-MM-DD`; must be a real date between 1900-01-01 and today.
 */
export const birthdateSchema = z
  .string(fails("invalid_type"))
  .trim()
  .transform((value, ctx) => {
    const match = ISO_DATE.exec(value);
    const date = match ? `${match[1]}-${match[2]}-${match[3]}` : "";
    const parsed = new Date(`${date}T00:00:00.000Z`);
    if (!match || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) {
      ctx.addIssue(customIssue("invalid_date"));
      return z.NEVER;
    }
    if (date < MIN_BIRTHDATE || parsed.getTime() > Date.now()) {
      ctx.addIssue(customIssue("date_out_of_range", { minimum: MIN_BIRTHDATE }));
      return z.NEVER;
    }
    return date;
  });

const coordinate = (limit: number) =>
  z
    .number(fails("invalid_type"))
    .refine((value) => value >= -limit && value <= limit, fails("out_of_range", { minimum: -limit, maximum: limit }));

/** A point on Earth; returned to dialects as a GeoJSON Point `[longitude, latitude]`. */
export const locationSchema = z.strictObject(
  { longitude: coordinate(180), latitude: coordinate(90) },
  fails("invalid_type"),
);

export const localeSchema = z.enum(LOCALES, fails("not_one_of"));

const TAG_MAX_LENGTH = 64;
const TAG = new RegExp(`^[A-Za-z0-9_.:-]{1,${TAG_MAX_LENGTH}}$`);
const tagList = () =>
  z
    .array(
      z
        .string(fails("invalid_type"))
        .trim()
        .refine((value) => TAG.test(value), fails("invalid_tag", { maximum: TAG_MAX_LENGTH })),
      fails("invalid_type"),
    )
    .max(50, fails("too_many_items"))
    .transform((values) => [...new Set(values)]);

export const featureFlagsSchema = tagList();
export const notificationsSchema = tagList();

export const expoPushTokenSchema = z
  .string(fails("invalid_type"))
  .trim()
  .regex(/^(ExponentPushToken|ExpoPushToken)\[[^\]\s]{1,200}\]$/, fails("invalid_expo_push_token"));

export const teamIdSchema = z.uuid(fails("invalid_uuid"));
