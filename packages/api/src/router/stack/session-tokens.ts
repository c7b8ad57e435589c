import type { Context } from "../../context";
import { accessTokenFor } from "../../services/auth/issue-tokens";
import { readAuthenticatedUser } from "../../services/users/read-user";

/** Stack's token answer for a session just opened or refreshed: a fresh access token beside the refresh token. */
export async function stackSessionTokens(
  ctx: Pick<Context, "services">,
  session: { userId: string; sessionId: string; refreshToken: string },
) {
  const user = await readAuthenticatedUser(ctx.services.db, session.userId);
  return {
    accessToken: await accessTokenFor(ctx.services.tokens, user, session.sessionId),
    refreshToken: session.refreshToken,
    userId: user.id,
    expiresIn: ctx.services.tokens.expiresIn,
  };
}
