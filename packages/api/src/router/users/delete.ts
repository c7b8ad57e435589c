import { z } from "zod";

import { appError } from "../../errors";
import { deleteAccount } from "../../services/accounts/delete-account";
import { serverProcedure } from "../../trpc";
import { resolvedProjectScope, toUserRef, userRefInputSchema } from "./user-ref";

/** Deletes a user with server access (Stack's server `DELETE /users/{id}`): as `me.delete`, without a proof. */
export const usersDeleteProcedure = serverProcedure
  .input(userRefInputSchema)
  .output(z.object({ deleted: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    const deleted = await deleteAccount(ctx.services.db, {
      target: toUserRef(input),
      projectId: await resolvedProjectScope(ctx, input),
      session: null,
      actorType: "server",
      door: ctx.door,
      requestId: ctx.requestId,
      proof: "server_key",
    });
    if (!deleted) throw appError("user_not_found");
    ctx.services.mail.notify();
    return { deleted: true as const };
  });
