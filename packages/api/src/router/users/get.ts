import { userViewSchema } from "@profilehub/validators";
import { readUser } from "../../services/users/read-user";
import { callerProcedure } from "../../trpc";
import { projectScope, toUserRef, userRefInputSchema } from "./user-ref";

/** A user by id or number: the caller themself, or anyone with server access. */
export const usersGetProcedure = callerProcedure
  .input(userRefInputSchema)
  .output(userViewSchema)
  .query(({ ctx, input }) => {
    const target = toUserRef(input);
    return readUser(ctx.db, {
      target,
      projectId: projectScope(ctx, input),
      session: ctx.session,
      serverAccess: ctx.serverAccess,
    });
  });
