import { z } from "zod";

import { resendVerification } from "../../services/auth/resend-verification";
import { authedProcedure } from "../../trpc";

/**
 * Mails a new link to verify the account's address (the sign-up mail again), e.g. when the first
 * one was lost. `already_verified` when there is nothing to verify; `rate_limited` past 3 an hour.
 */
export const meResendVerificationProcedure = authedProcedure
  .output(
    z.discriminatedUnion("status", [
      z.object({ status: z.literal("sent"), email: z.string() }),
      z.object({ status: z.literal("already_verified") }),
    ]),
  )
  .mutation(async ({ ctx }) => {
    const result = await resendVerification(ctx.services.db, ctx.services.config.appUrl, ctx.session.userId);
    if (result.status === "sent") ctx.services.mail.notify();
    return result;
  });
