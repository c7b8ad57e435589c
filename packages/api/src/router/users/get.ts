import { userViewOutput } from "@profilehub/validators";

import { readUser } from "../../services/users/read-user";
import { callerProcedure } from "../../trpc";
import { resolvedProjectScope, toUserRef, userRefInputSchema } from "./user-ref";

/** A user by id or number: the caller themself, or anyone with server access. */
export const usersGetProcedure = callerProcedure
  .input(userRefInputSchema)
  .output(userViewOutput)
  .query(async ({ ctx, input }) => {
    const target = toUserRef(input);
    return readUser(ctx.services.db, {
      target,
      projectId: await resolvedProjectScope(ctx, input),
      session: ctx.session,
      serverAccess: ctx.serverAccess,
    });
  });
