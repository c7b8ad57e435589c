import { z } from "zod";

import { STACK_PASSWORD_CHANGE_POLICY } from "../../doors";
import { invalidField } from "../../errors";
import { updateUser } from "../../services/users/update-user";
import { tokenProcedure } from "../../trpc";
import { updateUserDeps, updateUserRequest } from "../update-request";
import { stackPasswordChangeSchema } from "./schemas";

/**
 * Stack Auth's `POST /api/v1/auth/password/update` (`oldPassword`) and `/set` (none): the same
 * password change as every door — the old password proven when the account has one (so `set` only
 * works for an account without a password), the new one checked, hashed and audited, the alert
 * mailed, the other sessions signed out.
 */
export const stackChangePasswordProcedure = tokenProcedure
  .input(stackPasswordChangeSchema)
  .output(z.object({ ok: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    if (input.newPassword === undefined) throw invalidField("password", "required");
    const changes = {
      password: input.newPassword,
      ...(input.oldPassword !== undefined && { currentPassword: input.oldPassword }),
    };
    const request = updateUserRequest(ctx, { id: ctx.session.userId }, ctx.session.projectId, changes);
    await updateUser(updateUserDeps(ctx), { ...request, policy: STACK_PASSWORD_CHANGE_POLICY });
    return { ok: true as const };
  });
