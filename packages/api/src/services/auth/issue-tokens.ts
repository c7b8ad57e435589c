import type { TokenResponse, UserView } from "@profilehub/validators";

import type { AccessTokens } from "../../auth/access-token";

/** The access token of a user's session: ProfileHub's claims and Stack Auth's (one format for every door). */
export function accessTokenFor(tokens: AccessTokens, user: UserView, sessionId: string): Promise<string> {
  return tokens.sign({
    sub: user.id,
    num: user.number,
    pid: user.projectId,
    sid: sessionId,
    profile: {
      name: user.displayName,
      email: user.email,
      emailVerified: user.emailVerified,
      selectedTeamId: user.selectedTeamId,
      signedUpAt: new Date(user.createdAt).getTime(),
      requiresTotpMfa: user.totpEnabled,
    },
  });
}

/** The token response of sign-up and both grants (DESIGN §4). */
export async function issueTokens(
  tokens: AccessTokens,
  user: UserView,
  session: { sessionId: string; refreshToken: string },
): Promise<TokenResponse> {
  const accessToken = await accessTokenFor(tokens, user, session.sessionId);
  const { serverMetadata: _hidden, secureMetadata: _secure, ...publicUser } = user;
  return { user: publicUser, accessToken, refreshToken: session.refreshToken, expiresIn: tokens.expiresIn };
}
