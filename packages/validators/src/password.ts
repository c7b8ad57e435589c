import { z } from "zod";

import { fails } from "./problems/zod-codes";

/** The native API's minimum; dialects may document their own (A: 6, E: 8). */
export const DEFAULT_PASSWORD_MIN_LENGTH = 8;
/** Upper bound keeps hashing cheap and stays below bcrypt's 72-byte limit for imported hashes' peers. */
export const PASSWORD_MAX_LENGTH = 128;

export function passwordSchema(minLength: number = DEFAULT_PASSWORD_MIN_LENGTH) {
  return z.string(fails("invalid_type")).min(minLength, fails("too_short")).max(PASSWORD_MAX_LENGTH, fails("too_long"));
}
