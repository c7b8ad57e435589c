import { z } from "zod";

import { fails } from "./problems/zod-codes";

export const EMAIL_MAX_LENGTH = 254;

/** Emails are stored trimmed and lowercased, so uniqueness is case-insensitive. */
export const emailSchema = z
  .string(fails("invalid_type"))
  .trim()
  .toLowerCase()
  .pipe(z.email(fails("invalid_email")).max(EMAIL_MAX_LENGTH, fails("too_long")));

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
