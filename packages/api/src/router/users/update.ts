import { userUpdateInputSchema, userViewSchema } from "@profilehub/validators";
import { z } from "zod";

import { updateUser } from "../../services/users/update-user";
import { callerProcedure } from "../../trpc";
import { updateUserDeps, updateUserRequest } from "../update-request";
import { resolvedProjectScope, toUserRef, userRefInputSchema } from "./user-ref";

const changesSchema = z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() }));

/**
 * Updates a user by id or number — the caller themself, or anyone with server access — and says
 * what actually changed (`{field: {from, to}}`, secrets redacted).
 */
export const usersUpdateProcedure = callerProcedure
  .input(userRefInputSchema.extend({ changes: userUpdateInputSchema }))
  .output(z.object({ user: userViewSchema, changes: changesSchema }))
  .mutation(async ({ ctx, input }) => {
    const target = toUserRef(input);
    const scope = await resolvedProjectScope(ctx, input);
    return updateUser(updateUserDeps(ctx), updateUserRequest(ctx, target, scope, input.changes));
  });
