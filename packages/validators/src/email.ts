import { z } from "zod";

import { EMAIL_MAX_LENGTH, EMAIL_PATTERN } from "./form-checks";
import { fails } from "./problems/zod-codes";

/** Emails are stored trimmed and lowercased, so uniqueness is case-insensitive. */
export const emailSchema = z
  .string(fails("invalid_type"))
  .trim()
  .toLowerCase()
  .pipe(z.email({ ...fails("invalid_email"), pattern: EMAIL_PATTERN }).max(EMAIL_MAX_LENGTH, fails("too_long")));

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
