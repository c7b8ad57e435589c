import { type AuthOptions, refreshTokens } from "./auth";
import { ProfileHubError } from "./errors";
import type { AuthTokens } from "./types";

/** The pair a sign-in returns: the short-lived access token and the single-use refresh token. */
export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
}

export interface TokenSessionOptions extends AuthOptions {
  /** The stored pair, or `null` before signing in. */
  tokens: SessionTokens | null;
  /**
   * Called with every new pair (after `set` and after each refresh: store it, the old refresh
   * token is spent) and with `null` when the session has ended (the refresh was refused).
   */
  onChange?: (tokens: SessionTokens | null, renewed: AuthTokens | null) => void;
  /** Refresh ahead of time when the access token expires within this many seconds (30). */
  refreshAheadSeconds?: number;
}

/**
 * The signed-in state of one app: gives the access token to the client and refreshes it — one
 * refresh at a time, whatever the number of calls waiting for it.
 */
export interface TokenSession {
  readonly tokens: SessionTokens | null;
  /** After `signIn`/`signUp` (or `null` after signing out). */
  set(tokens: SessionTokens | null): void;
  /** The access token to send, refreshed first when it is about to expire. */
  accessToken(): Promise<string | null>;
  /**
   * Trades the refresh token for a new pair, unless `stale` is given and the pair already moved
   * on (another call refreshed it). Concurrent callers share one request. When the server
   * refuses (`invalid_grant`: revoked or reused), the session is cleared and the error thrown.
   */
  refresh(stale?: string | null): Promise<string>;
}

/** Seconds since the epoch at which a JWT expires, if readable (not verified: the server does). */
function expiresAt(token: string): number | null {
  try {
    const part = token.split(".")[1] ?? "";
    const json = atob(part.replace(/-/g, "+").replace(/_/g, "/"));
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === "number" ? exp : null;
  } catch {
    return null;
  }
}

export function createTokenSession(options: TokenSessionOptions): TokenSession {
  let tokens = options.tokens;
  let inFlight: Promise<string> | null = null;
  const ahead = (options.refreshAheadSeconds ?? 30) * 1000;
  const change = (next: SessionTokens | null, renewed: AuthTokens | null) => {
    tokens = next;
    options.onChange?.(next, renewed);
  };

  const session: TokenSession = {
    get tokens() {
      return tokens;
    },
    set: (next) => change(next, null),
    async accessToken() {
      if (inFlight) return inFlight;
      if (!tokens) return null;
      const exp = expiresAt(tokens.accessToken);
      return exp !== null && exp * 1000 < Date.now() + ahead ? session.refresh() : tokens.accessToken;
    },
    refresh(stale) {
      if (inFlight) return inFlight;
      if (!tokens) return Promise.reject(new Error("Not signed in: no refresh token"));
      if (stale !== undefined && stale !== tokens.accessToken) return Promise.resolve(tokens.accessToken);
      const { refreshToken } = tokens;
      inFlight = refreshTokens({ ...options, refreshToken })
        .then(
          (renewed) => {
            change({ accessToken: renewed.accessToken, refreshToken: renewed.refreshToken }, renewed);
            return renewed.accessToken;
          },
          (error: unknown) => {
            if (error instanceof ProfileHubError && error.isAuthError) change(null, null);
            throw error;
          },
        )
        .finally(() => {
          inFlight = null;
        });
      return inFlight;
    },
  };
  return session;
}
