import { baseUrl } from "./client";
import { badResponse, networkError, ProfileHubError, type ProfileHubErrorCode } from "./errors";
import type { AuthTokens, Issue } from "./types";

/** Where and how to reach the REST auth endpoints (`/api/auth/*`). */
export interface AuthOptions {
  /** Base URL of the ProfileHub server, e.g. `http://localhost:3000`. */
  url: string;
  fetch?: typeof globalThis.fetch;
  /** Extra headers, e.g. `user-agent` (shown in the user's session list). */
  headers?: Record<string, string>;
}

export interface PasswordOptions extends AuthOptions {
  email: string;
  password: string;
  /** The project (namespace) of the account; the server's default is `default`. */
  projectId?: string;
}

export interface SignInOptions extends PasswordOptions {
  /** The current code of the user's authenticator app, when two-factor is on (`totp_required`). */
  totp?: string;
  /** One of the user's 2FA recovery codes, instead of `totp` (each works once). */
  recoveryCode?: string;
}

/**
 * `POST /api/auth/token` (password grant): a new session. Wrong credentials →
 * `invalid_credentials`; two-factor on and neither `totp` nor `recoveryCode` → `totp_required` (a
 * wrong or spent one: `totp_invalid`).
 */
export async function signIn(options: SignInOptions): Promise<AuthTokens> {
  const { email, password, projectId, totp, recoveryCode } = options;
  const body = { grant_type: "password", email, password, projectId, totp, recoveryCode };
  return tokens(await post(options, "/api/auth/token", body));
}

/** `POST /api/auth/signup`: creates the account (a verification mail is sent) and signs in. */
export async function signUp(options: PasswordOptions): Promise<AuthTokens> {
  const { email, password, projectId } = options;
  return tokens(await post(options, "/api/auth/signup", { email, password, projectId }));
}

/**
 * `POST /api/auth/token` (refresh grant): a new access token AND a new refresh token — the old
 * one is spent (reusing it revokes the session), so store the new pair. Fails with `invalid_grant`.
 */
export async function refreshTokens(options: AuthOptions & { refreshToken: string }): Promise<AuthTokens> {
  return tokens(
    await post(options, "/api/auth/token", { grant_type: "refresh_token", refresh_token: options.refreshToken }),
  );
}

/** `POST /api/auth/logout`: revokes the session of this access token (its refresh token too). */
export async function signOut(options: AuthOptions & { accessToken: string }): Promise<void> {
  await post(options, "/api/auth/logout", undefined, options.accessToken);
}

async function post(options: AuthOptions, path: string, body: unknown, token?: string): Promise<unknown> {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  let response: Response;
  try {
    response = await fetchImpl(`${baseUrl(options.url)}${path}`, {
      method: "POST",
      headers: {
        accept: "application/json",
        ...options.headers,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (error) {
    throw networkError(error instanceof Error ? error : new Error(String(error)));
  }
  const text = await response.text().catch(() => "");
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    throw badResponse(response.status);
  }
  if (response.ok) return json;
  const error = (json as { error?: { code?: unknown; message?: unknown; issues?: unknown } } | null)?.error;
  if (!error || typeof error.code !== "string" || typeof error.message !== "string") throw badResponse(response.status);
  throw new ProfileHubError({
    code: error.code as ProfileHubErrorCode,
    message: error.message,
    status: response.status,
    issues: Array.isArray(error.issues) ? (error.issues as Issue[]) : [],
  });
}

function tokens(json: unknown): AuthTokens {
  const value = json as Partial<AuthTokens> | null;
  if (
    typeof value?.accessToken !== "string" ||
    typeof value.refreshToken !== "string" ||
    typeof value.expiresIn !== "number" ||
    typeof value.user !== "object"
  ) {
    throw badResponse(200);
  }
  return value as AuthTokens;
}
