import { appError } from "../../errors";
import { openMfaAttempt } from "../../services/auth/mfa-attempt";
import { totpSignIn } from "../../services/auth/totp-sign-in";
import { projectNamed } from "../../services/projects/stack-project";
import { publicProcedure } from "../../trpc";
import { stackMfaSignInSchema, stackTokensSchema } from "./schemas";
import { stackSessionTokens } from "./session-tokens";

/**
 * Stack Auth's `POST /api/v1/auth/mfa/sign-in`: the attempt code from a password sign-in that
 * needed two-factor (`MULTI_FACTOR_AUTHENTICATION_REQUIRED`) and the current TOTP code → tokens.
 * A code that is not ours, expired, or of another project is `email_token_invalid`.
 */
export const stackMfaSignInProcedure = publicProcedure
  .input(stackMfaSignInSchema)
  .output(stackTokensSchema)
  .mutation(async ({ ctx, input }) => {
    const attempt = openMfaAttempt(ctx.services.secretBox, input.attemptCode);
    if (!attempt || attempt.projectId !== (await projectNamed(ctx.services.db, input.projectId))) {
      throw appError("email_token_invalid");
    }
    const session = await totpSignIn(ctx.services.db, ctx.services.secretBox, {
      attempt,
      totp: input.totp,
      client: ctx.client,
      limits: ctx.services.config.abuseLimits,
      door: ctx.door,
      requestId: ctx.requestId,
      mail: ctx.services.mail,
    });
    return stackSessionTokens(ctx, session);
  });
