import {
  formatRecoveryCode,
  regenerateRecoveryCodesInputSchema,
  regenerateRecoveryCodesOutputSchema,
} from "@profilehub/validators";

import { invalidField } from "../../../errors";
import { provesTotpCode } from "../../../services/totp/check-code";
import { regenerateRecoveryCodes } from "../../../services/totp/recovery-codes";
import { provesCurrentPassword } from "../../../services/users/prepare-password";
import { tokenProcedure } from "../../../trpc";

/**
 * A new set of 10 recovery codes (the old ones stop working), shown once. The owner proves it is
 * them: with the current password (wrong guesses limited per account, as for a password change),
 * or, for an account without a password, a current code of the authenticator app (limited the same way).
 */
export const regenerateRecoveryCodesProcedure = tokenProcedure
  .input(regenerateRecoveryCodesInputSchema)
  .output(regenerateRecoveryCodesOutputSchema)
  .mutation(async ({ ctx, input }) => {
    const userId = ctx.session.userId;
    const [user] = await ctx.services.db.$queryRaw<{ passwordHash: string | null; totpOn: boolean }[]>`
      SELECT "passwordHash", "totpSecretEncrypted" IS NOT NULL AS "totpOn" FROM users WHERE id = ${userId}::uuid`;
    if (!user?.totpOn) throw invalidField("code", "totp_off");
    if (user.passwordHash !== null) {
      if (input.currentPassword === undefined) throw invalidField("currentPassword", "required");
      const limit = ctx.services.config.abuseLimits.currentPasswordPerAccount;
      const proven = await provesCurrentPassword(
        ctx.services.db,
        { id: userId, passwordHash: user.passwordHash },
        input.currentPassword,
        limit,
      );
      if (!proven) throw invalidField("currentPassword", "current_password_incorrect");
    } else {
      if (input.code === undefined) throw invalidField("code", "required");
      const limit = ctx.services.config.abuseLimits.currentPasswordPerAccount;
      if ((await provesTotpCode(ctx.services.db, ctx.services.secretBox, limit, userId, input.code)) !== true) {
        throw invalidField("code", "totp_code_invalid");
      }
    }
    const codes = await regenerateRecoveryCodes(
      { db: ctx.services.db, mail: ctx.services.mail },
      { userId, door: ctx.door, requestId: ctx.requestId, client: ctx.client },
    );
    if (codes === null) throw invalidField("code", "totp_off"); // turned off meanwhile
    return { recoveryCodes: codes.map(formatRecoveryCode) };
  });
