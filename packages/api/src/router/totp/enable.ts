import { formatRecoveryCode, totpCodeSchema, totpEnableOutputSchema } from "@profilehub/validators";
import { z } from "zod";

import { invalidField } from "../../errors";
import { markTotpStepUsed } from "../../services/totp/check-code";
import { hashRecoveryCode, newRecoveryCodes } from "../../services/totp/recovery-codes";
import { base32ToBase64, verifyTotp } from "../../services/totp/totp";
import { updateUser } from "../../services/users/update-user";
import { tokenProcedure } from "../../trpc";
import { updateUserDeps, updateUserRequest } from "../update-request";

/**
 * Turns two-factor on with the secret from `begin`, once a code from the app proves it works.
 * Returns the user and 10 recovery codes in clear: shown this once, only their hashes are stored
 * (with the secret, in the same statement, replacing any earlier codes).
 */
export const totpEnableProcedure = tokenProcedure
  .input(z.strictObject({ secretBase32: z.string().min(16).max(128), code: totpCodeSchema }))
  .output(totpEnableOutputSchema)
  .mutation(async ({ ctx, input }) => {
    const secretBase64 = base32ToBase64(input.secretBase32);
    const step = secretBase64 === null ? null : verifyTotp(secretBase64, input.code, null);
    if (secretBase64 === null || step === null) {
      throw invalidField("code", "totp_code_mismatch");
    }
    const userId = ctx.session.userId;
    const recoveryCodes = newRecoveryCodes();
    const request = {
      ...updateUserRequest(ctx, { id: userId }, ctx.session.projectId, { totpSecretBase64: secretBase64 }),
      recoveryCodeHashes: recoveryCodes.map((code) => hashRecoveryCode(userId, code)),
    };
    const { user } = await updateUser(updateUserDeps(ctx), request);
    await markTotpStepUsed(ctx.services.db, userId, step);
    return { ...user, recoveryCodes: recoveryCodes.map(formatRecoveryCode) };
  });
