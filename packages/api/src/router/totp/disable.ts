import { totpCodeSchema, userViewOutput } from "@profilehub/validators";
import { z } from "zod";

import { invalidField } from "../../errors";
import { checkUserTotp } from "../../services/totp/check-code";
import { updateUser } from "../../services/users/update-user";
import { tokenProcedure } from "../../trpc";
import { updateUserDeps, updateUserRequest } from "../update-request";

/** Turns two-factor off; a current code from the app proves it is the owner asking. */
export const totpDisableProcedure = tokenProcedure
  .input(z.strictObject({ code: totpCodeSchema }))
  .output(userViewOutput)
  .mutation(async ({ ctx, input }) => {
    const valid = await checkUserTotp(ctx.services.db, ctx.services.secretBox, ctx.session.userId, input.code);
    if (valid === false) throw invalidField("code", "totp_code_invalid");
    const target = { id: ctx.session.userId };
    const request = updateUserRequest(ctx, target, ctx.session.projectId, { totpSecretBase64: null });
    return (await updateUser(updateUserDeps(ctx), request)).user;
  });
