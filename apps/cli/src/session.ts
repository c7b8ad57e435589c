import {
  type AuthTokens,
  createProfileHubClient,
  type ProfileHubClient,
  ProfileHubError,
  refreshTokens,
} from "@profilehub/client";

import { type Credentials, credentialsFrom, loadCredentials, saveCredentials } from "./credentials";
import { explain, notSignedIn } from "./errors";
import { USER_AGENT } from "./version";

export interface Session {
  /** The typed client, always sending the current access token. */
  client: ProfileHubClient;
  credentials: Credentials;
}

/** Seconds since the epoch at which a JWT expires, if it can be read (no verification). */
function expiresAt(token: string): number | null {
  try {
    const payload = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8")) as {
      exp?: unknown;
    };
    return typeof payload.exp === "number" ? payload.exp : null;
  } catch {
    return null;
  }
}

const expiresSoon = (token: string) => {
  const exp = expiresAt(token);
  return exp !== null && exp * 1000 < Date.now() + 30_000;
};

/**
 * Trades the refresh token for a new pair and stores it: the old refresh token is spent (reusing
 * it would revoke the session), so the new pair is saved before anything else happens.
 */
async function refresh(credentials: Credentials): Promise<Credentials> {
  // Another profilehub process may have refreshed already: use its pair rather than the spent one.
  const stored = loadCredentials();
  if (stored && stored.url === credentials.url && stored.refreshToken !== credentials.refreshToken) {
    if (!expiresSoon(stored.accessToken)) return stored;
    credentials = stored;
  }
  let tokens: AuthTokens;
  try {
    tokens = await refreshTokens({
      url: credentials.url,
      refreshToken: credentials.refreshToken,
      headers: { "user-agent": USER_AGENT },
    });
  } catch (error) {
    throw explain(error, credentials.url);
  }
  const renewed = credentialsFrom(credentials.url, tokens);
  saveCredentials(renewed);
  return renewed;
}

/**
 * Runs `action` with the stored session: refreshes the access token first when it has expired,
 * and once more if the server still refuses it (expired or unreadable); any other failure is
 * explained (not signed in, session ended → `profilehub login`, server unreachable, …).
 */
export async function withSession<T>(action: (session: Session) => Promise<T>): Promise<T> {
  let credentials = loadCredentials();
  if (!credentials) throw notSignedIn();
  if (expiresSoon(credentials.accessToken)) credentials = await refresh(credentials);
  const session: Session = {
    credentials,
    client: createProfileHubClient({
      url: credentials.url,
      getToken: () => session.credentials.accessToken,
      headers: { "user-agent": USER_AGENT },
    }),
  };
  try {
    return await action(session);
  } catch (error) {
    const failure = error instanceof Error ? ProfileHubError.from(error) : null;
    if (failure?.code !== "token_expired" && failure?.code !== "token_invalid") {
      throw explain(error, session.credentials.url);
    }
  }
  session.credentials = await refresh(session.credentials);
  try {
    return await action(session);
  } catch (error) {
    throw explain(error, session.credentials.url);
  }
}
