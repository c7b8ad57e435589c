import { userUpdateInputSchema } from "@profilehub/validators";
import { z } from "zod";

import { checkUserUpdate } from "../../services/users/update-user";
import { tokenProcedure } from "../../trpc";
import { updateUserDeps, updateUserRequest } from "../update-request";

/**
 * Checks a `me.update` without writing it (e.g. a username's availability while typing): throws
 * the same errors, every issue at once, a taken email or username included.
 */
export const meValidateUpdateProcedure = tokenProcedure
  .input(userUpdateInputSchema)
  .output(z.object({ valid: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    const target = { id: ctx.session.userId };
    await checkUserUpdate(updateUserDeps(ctx), updateUserRequest(ctx, target, ctx.session.projectId, input));
    return { valid: true as const };
  });
