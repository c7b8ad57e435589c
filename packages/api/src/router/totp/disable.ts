import { totpCodeSchema, userViewOutput } from "@profilehub/validators";
import { z } from "zod";

import { invalidField } from "../../errors";
import { provesTotpCode } from "../../services/totp/check-code";
import { updateUser } from "../../services/users/update-user";
import { tokenProcedure } from "../../trpc";
import { updateUserDeps, updateUserRequest } from "../update-request";

/** Turns two-factor off; a current code from the app proves it is the owner asking (guesses limited). */
export const totpDisableProcedure = tokenProcedure
  .input(z.strictObject({ code: totpCodeSchema }))
  .output(userViewOutput)
  .mutation(async ({ ctx, input }) => {
    const limit = ctx.services.config.abuseLimits.currentPasswordPerAccount;
    const { db, secretBox } = ctx.services;
    const valid = await provesTotpCode(db, secretBox, limit, ctx.session.userId, input.code);
    if (valid === false) throw invalidField("code", "totp_code_invalid");
    const target = { id: ctx.session.userId };
    const request = updateUserRequest(ctx, target, ctx.session.projectId, { totpSecretBase64: null });
    return (await updateUser(updateUserDeps(ctx), request)).user;
  });
