import { z } from "zod";

import { totpCodeSchema } from "./auth";
import { PASSWORD_MAX_LENGTH } from "./form-checks";
import { fails } from "./problems/zod-codes";

/**
 * `me.delete`: the typed confirmation (the account's email address, compared trimmed and
 * case-insensitively by the router) and the proof of who is asking — the current password when
 * the account has one, and the authenticator's code when two-factor is on (both when both are).
 */
export const accountDeleteInputSchema = z.strictObject({
  confirmation: z.string(fails("invalid_type")).max(320, fails("too_long")).optional(),
  currentPassword: z.string(fails("invalid_type")).max(PASSWORD_MAX_LENGTH, fails("too_long")).optional(),
  code: totpCodeSchema.optional(),
});
export type AccountDeleteInput = z.input<typeof accountDeleteInputSchema>;

/** Whether a typed confirmation matches the account's address (as the router compares them). */
export function confirmsAccountDeletion(typed: string, email: string): boolean {
  return typed.trim().toLowerCase() === email.trim().toLowerCase() && typed.trim() !== "";
}
