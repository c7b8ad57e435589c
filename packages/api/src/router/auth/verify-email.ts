import { z } from "zod";

import { verifyEmailToken } from "../../services/auth/verify-email-token";
import { publicProcedure } from "../../trpc";

/** `GET /api/auth/verify-email?token=…`: the link sent by email. */
export const verifyEmailProcedure = publicProcedure
  .input(z.object({ token: z.string({ error: "token is required" }).min(1).max(512) }))
  .output(z.object({ email: z.string(), purpose: z.enum(["change_email", "verify_email"]) }))
  .mutation(async ({ ctx, input }) => {
    const verified = await verifyEmailToken(ctx.services.db, input.token, {
      requestId: ctx.requestId,
      client: ctx.client,
    });
    if (verified.alerted) ctx.services.mail.notify();
    return { email: verified.email, purpose: verified.purpose };
  });
