import { z } from "zod";

import { DEFAULT_PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH } from "./form-checks";
import { fails } from "./problems/zod-codes";

export function passwordSchema(minLength: number = DEFAULT_PASSWORD_MIN_LENGTH) {
  return z.string(fails("invalid_type")).min(minLength, fails("too_short")).max(PASSWORD_MAX_LENGTH, fails("too_long"));
}
