import { accessTokenFor } from "../../services/auth/issue-tokens";
import { signUp } from "../../services/auth/sign-up";
import { projectNamed } from "../../services/projects/stack-project";
import { publicProcedure } from "../../trpc";
import { stackSignUpSchema, stackTokensSchema } from "./schemas";

/**
 * Stack Auth's `POST /api/v1/auth/password/sign-up`: the same sign-up as every door (project
 * created if new, verification mail), with Stack's minimum password length.
 */
export const stackSignUpProcedure = publicProcedure
  .input(stackSignUpSchema)
  .output(stackTokensSchema)
  .mutation(async ({ ctx, input }) => {
    const created = await signUp(ctx.services.db, ctx.services.config.appUrl, {
      email: input.email,
      password: input.password,
      projectId: await projectNamed(ctx.services.db, input.projectId),
      client: ctx.client,
      limit: ctx.services.config.abuseLimits.signUpPerIp,
      requestId: ctx.requestId,
      door: ctx.door,
    });
    ctx.services.mail.notify();
    return {
      accessToken: await accessTokenFor(ctx.services.tokens, created.user, created.sessionId),
      refreshToken: created.refreshToken,
      userId: created.user.id,
      expiresIn: ctx.services.tokens.expiresIn,
    };
  });
