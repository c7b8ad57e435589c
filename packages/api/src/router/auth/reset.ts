import { resetInputSchema } from "@profilehub/validators";
import { z } from "zod";

import { resetPassword } from "../../services/auth/reset-password";
import { publicProcedure } from "../../trpc";

/**
 * `POST /api/auth/reset` `{token, password}` → 200 `{email}`: sets the new password from a mailed
 * link (once, within the hour) and signs every session out. A bad link is `email_token_invalid`.
 */
export const resetProcedure = publicProcedure
  .input(resetInputSchema)
  .output(z.object({ email: z.string() }))
  .mutation(async ({ ctx, input }) => {
    const reset = await resetPassword(ctx.services.db, {
      token: input.token,
      password: input.password,
      requestId: ctx.requestId,
      door: ctx.door,
      client: ctx.client,
    });
    ctx.services.mail.notify();
    return { email: reset.email };
  });
