import { z } from "zod";

/**
 * Letters only, in any script: Unicode letters (`\p{L}`) and the combining marks that belong to
 * them (`\p{M}`: a decomposed "é" is "e" + U+0301; Devanagari vowel signs are marks). No spaces,
 * digits, hyphens or apostrophes — the rule of APIs that document "alphabetic characters only".
 */
export const ALPHABETIC_NAME_PATTERN = /^[\p{L}\p{M}]+$/u;

/** A name part (first name, last name) made of letters only, trimmed, non-empty. */
export const alphabeticNameSchema = z
  .string({ error: "Name must be a string" })
  .trim()
  .min(1, { error: "Name is required" })
  .regex(ALPHABETIC_NAME_PATTERN, { error: "Name must contain only letters" });

export function isAlphabeticName(value: string): boolean {
  return ALPHABETIC_NAME_PATTERN.test(value);
}
