import { z } from "zod";

import { normalizeRecoveryCode, PASSWORD_MAX_LENGTH } from "./form-checks";
import { fails } from "./problems/zod-codes";
import { userViewSchema } from "./user";

/** How many recovery codes a set has (shown once when two-factor is turned on or regenerated). */
export const RECOVERY_CODE_COUNT = 10;

/** A recovery code as a person types it, normalized (`ABCDEFGHJKMNPQRS`). */
export const recoveryCodeSchema = z
  .string(fails("invalid_type"))
  .max(64, fails("recovery_code_format"))
  .refine((value) => normalizeRecoveryCode(value) !== null, fails("recovery_code_format"))
  .transform((value) => normalizeRecoveryCode(value) ?? value);

/** `ABCDEFGHJKMNPQRS` → `ABCD-EFGH-JKMN-PQRS`, as shown and downloaded. */
export function formatRecoveryCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, "$1-");
}

/** A fresh set of codes, in clear: returned once, never stored. */
export const recoveryCodesSchema = z.array(z.string()).length(RECOVERY_CODE_COUNT);

/**
 * `me.totp.enable`: the user (two-factor on), as before recovery codes existed, plus the set of
 * recovery codes, shown once. Additive: a client built for API version 2 reads the user as it did.
 */
export const totpEnableOutputSchema = userViewSchema.extend({ recoveryCodes: recoveryCodesSchema });
export type TotpEnableOutput = z.infer<typeof totpEnableOutputSchema>;

/** `me.totp.recoveryCodes.status`: how many codes of the current set are still unused. */
export const recoveryCodesStatusSchema = z.object({ unused: z.number().int().min(0), total: z.number().int().min(0) });
export type RecoveryCodesStatus = z.infer<typeof recoveryCodesStatusSchema>;

/**
 * `me.totp.recoveryCodes.regenerate`: proof that the owner asks — the current password, or (for
 * an account without one) a current code of the authenticator app.
 */
export const regenerateRecoveryCodesInputSchema = z.strictObject({
  currentPassword: z
    .string(fails("invalid_type"))
    .min(1, fails("required"))
    .max(PASSWORD_MAX_LENGTH, fails("too_long"))
    .optional(),
  code: z
    .string(fails("invalid_type"))
    .trim()
    .regex(/^\d{6}$/, fails("totp_code_format"))
    .optional(),
});
export type RegenerateRecoveryCodesInput = z.input<typeof regenerateRecoveryCodesInputSchema>;

/** `me.totp.recoveryCodes.regenerate`: the new set, shown once. */
export const regenerateRecoveryCodesOutputSchema = z.object({ recoveryCodes: recoveryCodesSchema });
