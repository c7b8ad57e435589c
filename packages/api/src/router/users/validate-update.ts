import { userUpdateInputSchema } from "@profilehub/validators";
import { z } from "zod";

import { checkUserUpdate } from "../../services/users/update-user";
import { callerProcedure } from "../../trpc";
import { updateUserDeps, updateUserRequest } from "../update-request";
import { projectScope, toUserRef, userRefInputSchema } from "./user-ref";

/** Checks a `users.update` without writing it: the same errors, or `{valid: true}`. */
export const usersValidateUpdateProcedure = callerProcedure
  .input(userRefInputSchema.extend({ changes: userUpdateInputSchema }))
  .output(z.object({ valid: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    const target = toUserRef(input);
    await checkUserUpdate(updateUserDeps(ctx), updateUserRequest(ctx, target, projectScope(ctx, input), input.changes));
    return { valid: true as const };
  });
