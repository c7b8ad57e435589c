import type { TokenResponse, UserView } from "@profilehub/validators";
import type { AccessTokens } from "../../auth/access-token";

/** The token response of sign-up and both grants (DESIGN §4). */
export async function issueTokens(
  tokens: AccessTokens,
  user: UserView,
  session: { sessionId: string; refreshToken: string },
): Promise<TokenResponse> {
  const accessToken = await tokens.sign({
    sub: user.id,
    num: user.number,
    pid: user.projectId,
    sid: session.sessionId,
  });
  const { serverMetadata: _hidden, secureMetadata: _secure, ...publicUser } = user;
  return { user: publicUser, accessToken, refreshToken: session.refreshToken, expiresIn: tokens.expiresIn };
}
