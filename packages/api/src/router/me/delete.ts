import { accountDeleteInputSchema } from "@profilehub/validators";
import { z } from "zod";

import type { Context } from "../../context";
import { doorPolicy } from "../../doors";
import { appError } from "../../errors";
import { clientDeletionEnabled } from "../../services/accounts/client-deletion";
import { deleteAccount, type DeletionProof } from "../../services/accounts/delete-account";
import { proveAccountDeletion } from "../../services/accounts/deletion-proof";
import { authedProcedure } from "../../trpc";

type SignedIn = Context & { session: NonNullable<Context["session"]> };

/** What entitles this caller to delete their account, by the door's policy (or server access). */
async function proofOf(ctx: SignedIn, input: z.infer<typeof accountDeleteInputSchema>): Promise<DeletionProof> {
  if (ctx.serverAccess) return "server_key";
  const policy = doorPolicy(ctx.door, { emailChangeConfirmation: ctx.services.config.emailChangeConfirmation });
  if (policy.accountDeletion === "project_setting") {
    if (!(await clientDeletionEnabled(ctx.services.db, ctx.session.projectId))) {
      throw appError("forbidden", { action: "client_deletion" });
    }
    return "session";
  }
  const limit = ctx.services.config.abuseLimits.currentPasswordPerAccount;
  return proveAccountDeletion(ctx.services.db, ctx.services.secretBox, limit, ctx.session.userId, input);
}

/**
 * Deletes the caller's account for good (ARCHITECTURE, "Deleting an account"): after the door's
 * proof, one statement removes the account, its sessions, tokens, links and memberships, keeps a
 * tombstone without personal data and queues the notice mail. The access token stops working at
 * once (its session is gone); the browser's cookie is cleared.
 */
export const meDeleteProcedure = authedProcedure
  .input(accountDeleteInputSchema)
  .output(z.object({ deleted: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    const proof = await proofOf(ctx, input);
    const deleted = await deleteAccount(ctx.services.db, {
      target: { id: ctx.session.userId },
      projectId: null,
      session: ctx.session,
      actorType: ctx.serverAccess ? "server" : "user",
      door: ctx.door,
      requestId: ctx.requestId,
      proof,
    });
    if (!deleted) throw appError("session_revoked");
    ctx.sessionCookie?.clear();
    ctx.services.mail.notify();
    return { deleted: true as const };
  });
