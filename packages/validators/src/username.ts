import { z } from "zod";

import { sanitizeUsername, USERNAME_MAX_LENGTH, USERNAME_MIN_LENGTH } from "./form-checks";
import { fails } from "./problems/zod-codes";

/** Sanitizes, then validates; the sanitized form is what gets stored. */
export const usernameSchema = z
  .string(fails("invalid_type"))
  .transform(sanitizeUsername)
  .pipe(z.string().min(USERNAME_MIN_LENGTH, fails("username_too_short")).max(USERNAME_MAX_LENGTH, fails("too_long")));
