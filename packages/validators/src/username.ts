import { z } from "zod";

export const USERNAME_MIN_LENGTH = 3;
export const USERNAME_MAX_LENGTH = 30;

/**
 * Trimmed, lowercased, and every character other than a–z, 0–9, `.` and `_` removed
 * (`"  Jane.Doe_99 "` → `jane.doe_99`, `"Bad Name!"` → `badname`).
 */
export function sanitizeUsername(raw: string): string {
  return raw
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9._]/g, "");
}

/** Sanitizes, then validates; the sanitized form is what gets stored. */
export const usernameSchema = z
  .string({ error: "Username must be a string" })
  .transform(sanitizeUsername)
  .pipe(
    z
      .string()
      .min(USERNAME_MIN_LENGTH, {
        error: `Username is too short after sanitizing (minimum is ${USERNAME_MIN_LENGTH} characters of a-z, 0-9, . and _)`,
      })
      .max(USERNAME_MAX_LENGTH, {
        error: `Username is too long (maximum is ${USERNAME_MAX_LENGTH} characters)`,
      }),
  );
