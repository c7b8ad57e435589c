import { z } from "zod";

import { fails } from "./problems/zod-codes";

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
  .string(fails("invalid_type"))
  .transform(sanitizeUsername)
  .pipe(z.string().min(USERNAME_MIN_LENGTH, fails("username_too_short")).max(USERNAME_MAX_LENGTH, fails("too_long")));
