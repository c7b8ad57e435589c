import { z } from "zod";

/** Emails are stored trimmed and lowercased, so uniqueness is case-insensitive. */
export const emailSchema = z
  .string({ error: "Email must be a string" })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "Email is invalid" }).max(254, { error: "Email is too long (maximum is 254 characters)" }));

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
