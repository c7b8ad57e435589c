import { appError } from "../../errors";
import { sealMfaAttempt } from "../../services/auth/mfa-attempt";
import { passwordSignIn } from "../../services/auth/password-sign-in";
import { projectNamed } from "../../services/projects/stack-project";
import { publicProcedure } from "../../trpc";
import { stackSignInSchema, stackTokensSchema } from "./schemas";
import { stackSessionTokens } from "./session-tokens";

/**
 * Stack Auth's `POST /api/v1/auth/password/sign-in`: the same password sign-in as every door
 * (abuse limits, same error for unknown emails), in the project the
 * request names by id or Stack UUID. With two-factor on: `totp_required` with an attempt code for
 * `stack.mfaSignIn`.
 */
export const stackSignInProcedure = publicProcedure
  .input(stackSignInSchema)
  .output(stackTokensSchema)
  .mutation(async ({ ctx, input }) => {
    const projectId = await projectNamed(ctx.services.db, input.projectId);
    const session = await passwordSignIn(ctx.services.db, ctx.services.secretBox, {
      email: input.email,
      password: input.password,
      projectId,
      client: ctx.client,
      limits: ctx.services.config.abuseLimits,
      door: ctx.door,
      requestId: ctx.requestId,
      mail: ctx.services.mail,
      // Stack's flow: the code comes in a second request, with this attempt code.
      totpRequired: (userId) =>
        appError("totp_required", {
          attemptCode: sealMfaAttempt(ctx.services.secretBox, { userId, projectId, email: input.email }),
        }),
    });
    return stackSessionTokens(ctx, session);
  });
