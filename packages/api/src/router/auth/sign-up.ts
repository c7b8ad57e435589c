import { DEFAULT_PROJECT_ID, signupInputSchema, tokenResponseSchema } from "@profilehub/validators";

import { issueTokens } from "../../services/auth/issue-tokens";
import { signUp } from "../../services/auth/sign-up";
import { publicProcedure } from "../../trpc";

/** `POST /api/auth/signup`: creates the account and signs it in. */
export const signUpProcedure = publicProcedure
  .input(signupInputSchema)
  .output(tokenResponseSchema)
  .mutation(async ({ ctx, input }) => {
    const created = await signUp(ctx.db, ctx.config.appUrl, {
      email: input.email,
      password: input.password,
      projectId: input.projectId ?? DEFAULT_PROJECT_ID,
      client: ctx.client,
      limit: ctx.config.abuseLimits.signUpPerIp,
      requestId: ctx.requestId,
      door: ctx.door,
    });
    ctx.mail.notify();
    return issueTokens(ctx.tokens, created.user, created);
  });
