import { DEFAULT_PROJECT_ID, tokenRequestSchema, tokenResponseSchema } from "@profilehub/validators";

import { appError } from "../../errors";
import { issueTokens } from "../../services/auth/issue-tokens";
import { passwordSignIn } from "../../services/auth/password-sign-in";
import { rotateRefreshToken } from "../../services/sessions/rotate-refresh-token";
import { readAuthenticatedUser } from "../../services/users/read-user";
import { publicProcedure } from "../../trpc";

/** `POST /api/auth/token`: the password grant and the refresh-token grant. */
export const tokenProcedure = publicProcedure
  .input(tokenRequestSchema)
  .output(tokenResponseSchema)
  .mutation(async ({ ctx, input }) => {
    let session: { userId: string; sessionId: string; refreshToken: string };
    if (input.grant_type === "password") {
      session = await passwordSignIn(ctx.services.db, ctx.services.secretBox, {
        email: input.email,
        password: input.password,
        totp: input.totp,
        projectId: input.projectId ?? DEFAULT_PROJECT_ID,
        client: ctx.client,
        limits: ctx.services.config.abuseLimits,
        recoveryCode: input.recoveryCode,
        door: ctx.door,
        requestId: ctx.requestId,
        mail: ctx.services.mail,
      });
    } else {
      const rotated = await rotateRefreshToken(ctx.services.db, input.refresh_token, {
        successor: ctx.services.refreshTokenSuccessor,
        reuseIntervalSeconds: ctx.services.config.refreshTokenReuseIntervalS,
      });
      if (!rotated.ok) throw appError("invalid_grant", { failure: rotated.reason });
      session = rotated;
    }
    const user = await readAuthenticatedUser(ctx.services.db, session.userId);
    return issueTokens(ctx.services.tokens, user, session);
  });
