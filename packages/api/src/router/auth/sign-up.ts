import { DEFAULT_PROJECT_ID, signupInputSchema, tokenResponseSchema } from "@profilehub/validators";

import { issueTokens } from "../../services/auth/issue-tokens";
import { signUp } from "../../services/auth/sign-up";
import { publicProcedure } from "../../trpc";

/** `POST /api/auth/signup`: creates the account and signs it in. */
export const signUpProcedure = publicProcedure
  .input(signupInputSchema)
  .output(tokenResponseSchema)
  .mutation(async ({ ctx, input }) => {
    const created = await signUp(ctx.services.db, ctx.services.config.appUrl, {
      email: input.email,
      password: input.password,
      projectId: input.projectId ?? DEFAULT_PROJECT_ID,
      client: ctx.client,
      limit: ctx.services.config.abuseLimits.signUpPerIp,
      requestId: ctx.requestId,
      door: ctx.door,
    });
    ctx.services.mail.notify();
    return issueTokens(ctx.services.tokens, created.user, created);
  });
