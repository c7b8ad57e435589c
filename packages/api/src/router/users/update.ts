import { userUpdateInputSchema, userViewOutput } from "@profilehub/validators";
import { z } from "zod";

import { updateUser } from "../../services/users/update-user";
import { callerProcedure } from "../../trpc";
import { updateUserDeps, updateUserRequest } from "../update-request";
import { resolvedProjectScope, toUserRef, userRefInputSchema } from "./user-ref";

const changesSchema = z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() }));

/** The user by the view's key check (`userViewOutput`), the diff by its schema. */
export const usersUpdateOutput = (value: unknown) => {
  const { user, changes } = value as { user: unknown; changes: unknown };
  return { user: userViewOutput(user), changes: changesSchema.parse(changes) };
};

/**
 * Updates a user by id or number — the caller themself, or anyone with server access — and says
 * what actually changed (`{field: {from, to}}`, secrets redacted).
 */
export const usersUpdateProcedure = callerProcedure
  .input(userRefInputSchema.extend({ changes: userUpdateInputSchema }))
  .output(usersUpdateOutput)
  .mutation(async ({ ctx, input }) => {
    const target = toUserRef(input);
    const scope = await resolvedProjectScope(ctx, input);
    return updateUser(updateUserDeps(ctx), updateUserRequest(ctx, target, scope, input.changes));
  });
