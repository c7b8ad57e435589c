import { userUpdateInputSchema, userViewOutput } from "@profilehub/validators";

import { updateUser } from "../../services/users/update-user";
import { tokenProcedure } from "../../trpc";
import { updateUserDeps, updateUserRequest } from "../update-request";

/**
 * Partial update of the caller's account: absent = unchanged, `null` = cleared. Returns what
 * was stored. Every validation problem is reported at once as `{path, message}` items.
 */
export const meUpdateProcedure = tokenProcedure
  .input(userUpdateInputSchema)
  .output(userViewOutput)
  .mutation(async ({ ctx, input }) => {
    const target = { id: ctx.session.userId };
    const result = await updateUser(updateUserDeps(ctx), updateUserRequest(ctx, target, ctx.session.projectId, input));
    return result.user;
  });
