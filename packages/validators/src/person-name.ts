import { z } from "zod";

import { fails } from "./problems/zod-codes";

/**
 * Letters only, in any script: Unicode letters (`\p{L}`) and the combining marks that belong to
 * them (`\p{M}`: a decomposed "é" is "e" + U+0301; Devanagari vowel signs are marks). No spaces,
 * digits, hyphens or apostrophes — the rule of APIs that document "alphabetic characters only".
 */
export const ALPHABETIC_NAME_PATTERN = /^[\p{L}\p{M}]+$/u;

/** A name part (first name, last name) made of letters only, trimmed, non-empty. */
export const alphabeticNameSchema = z
  .string(fails("invalid_type"))
  .trim()
  .min(1, fails("required"))
  .max(100, fails("too_long"))
  .regex(ALPHABETIC_NAME_PATTERN, fails("letters_only"));

export function isAlphabeticName(value: string): boolean {
  return ALPHABETIC_NAME_PATTERN.test(value);
}
