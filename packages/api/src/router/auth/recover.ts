import { DEFAULT_PROJECT_ID, recoverInputSchema } from "@profilehub/validators";
import { z } from "zod";

import { requestPasswordReset } from "../../services/auth/request-password-reset";
import { publicProcedure } from "../../trpc";

/**
 * `POST /api/auth/recover` `{email, projectId?}` → 202: mails a password-reset link if the address
 * has an account. The answer is the same whether or not it has one (and when rate-limited).
 */
export const recoverProcedure = publicProcedure
  .input(recoverInputSchema)
  .output(z.object({ status: z.literal("accepted") }))
  .mutation(async ({ ctx, input }) => {
    await requestPasswordReset(ctx.services.db, ctx.services.config.appUrl, {
      email: input.email,
      projectId: input.projectId ?? DEFAULT_PROJECT_ID,
    });
    ctx.services.mail.notify();
    return { status: "accepted" as const };
  });
