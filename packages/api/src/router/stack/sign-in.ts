import { accessTokenFor } from "../../services/auth/issue-tokens";
import { passwordSignIn } from "../../services/auth/password-sign-in";
import { projectNamed } from "../../services/projects/stack-project";
import { readAuthenticatedUser } from "../../services/users/read-user";
import { publicProcedure } from "../../trpc";
import { stackSignInSchema, stackTokensSchema } from "./schemas";

/**
 * Stack Auth's `POST /api/v1/auth/password/sign-in`: the same password sign-in as every door
 * (abuse limits, same error for unknown emails, TOTP when on), in the project the
 * request names by id or Stack UUID.
 */
export const stackSignInProcedure = publicProcedure
  .input(stackSignInSchema)
  .output(stackTokensSchema)
  .mutation(async ({ ctx, input }) => {
    const session = await passwordSignIn(ctx.db, ctx.secretBox, {
      email: input.email,
      password: input.password,
      projectId: await projectNamed(ctx.db, input.projectId),
      client: ctx.client,
      limits: ctx.config.abuseLimits,
      door: ctx.door,
      requestId: ctx.requestId,
      mail: ctx.mail,
    });
    const user = await readAuthenticatedUser(ctx.db, session.userId);
    return {
      accessToken: await accessTokenFor(ctx.tokens, user, session.sessionId),
      refreshToken: session.refreshToken,
      userId: user.id,
      expiresIn: ctx.tokens.expiresIn,
    };
  });
