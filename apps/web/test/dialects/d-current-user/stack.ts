import type { TestApp } from "@profilehub/api/testing";

import * as route from "@/app/api/v1/users/me/route";

import { call, type CallResult } from "../helpers/dialect-app";

export const PATH = "/api/v1/users/me";

/** Stack Auth client headers (the publishable key is sent, as Stack's SDKs do, and ignored). */
export const clientHeaders = (token?: string, projectId = "default"): Record<string, string> => ({
  "x-stack-project-id": projectId,
  "x-stack-access-type": "client",
  "x-stack-publishable-client-key": "pck_ignored_by_profilehub",
  ...(token ? { "x-stack-access-token": token } : {}),
});

/** Stack Auth server headers, with the real server key unless another is given. */
export const serverHeaders = (app: TestApp, token?: string, key?: string | null): Record<string, string> => ({
  "x-stack-project-id": "default",
  "x-stack-access-type": "server",
  ...(key === null ? {} : { "x-stack-secret-server-key": key ?? app.services.config.serverApiKey }),
  ...(token ? { "x-stack-access-token": token } : {}),
});

export const patchMe = (headers: Record<string, string>, body: unknown): Promise<CallResult> =>
  call(route, "PATCH", PATH, { headers, body });
export const getMe = (headers: Record<string, string>): Promise<CallResult> => call(route, "GET", PATH, { headers });

/** What Stack's SDK reads besides the documented fields (its client read schema), with ProfileHub's values. */
export const SIGN_IN_FACTS = {
  auth_with_email: true,
  has_password: true,
  is_anonymous: false,
  is_restricted: false,
  oauth_providers: [],
  otp_auth_enabled: false,
  passkey_auth_enabled: false,
  requires_totp_mfa: false,
  restricted_by_admin: false,
  restricted_by_admin_reason: null,
  restricted_reason: null,
};

/** Every key of the response, sorted (server_metadata and the server facts only with server access). */
export const USER_KEYS = [
  ...Object.keys(SIGN_IN_FACTS),
  "client_metadata",
  "client_read_only_metadata",
  "display_name",
  "id",
  "last_active_at_millis",
  "primary_email",
  "primary_email_auth_enabled",
  "primary_email_verified",
  "profile_image_url",
  "selected_team",
  "selected_team_id",
  "signed_up_at_millis",
].sort();
export const SERVER_USER_KEYS = [
  ...USER_KEYS,
  "server_metadata",
  "restricted_by_admin_private_details",
  "country_code",
  "risk_scores",
].sort();

/** Asserts a Stack known error: status, body `{code, details?, error}` and the `x-stack-known-error` header. */
/** Stack's plain StatusError (an error outside the SDK's catalogue): the status, a text message, no known-error header. */
export function statusError(response: CallResult, status: number): string {
  if (response.status !== status) throw new Error(`Expected ${status}, got ${response.status} ${response.text}`);
  if (response.headers.get("x-stack-known-error") !== null) throw new Error("unexpected x-stack-known-error header");
  if (!response.headers.get("content-type")?.startsWith("text/plain")) throw new Error("not a text/plain StatusError");
  return response.text;
}

export function knownError(response: CallResult, status: number, code: string): { error: string; details?: any } {
  if (response.status !== status || response.json?.code !== code) {
    throw new Error(`Expected ${status} ${code}, got ${response.status} ${response.text}`);
  }
  if (response.headers.get("x-stack-known-error") !== code) throw new Error("x-stack-known-error header missing");
  const keys = Object.keys(response.json);
  const allowed = ["code", "details", "error"];
  if (keys.some((key) => !allowed.includes(key)) || typeof response.json.error !== "string") {
    throw new Error(`Not a Stack known error body: ${response.text}`);
  }
  return response.json as { error: string; details?: any };
}

/** The claims of an access token (for minting an expired one in tests). */
export function claimsOf(token: string): { sub: string; num: number; pid: string; sid: string } {
  return JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString("utf8")) as ReturnType<typeof claimsOf>;
}

/** A real 1×1 PNG. */
export const TINY_PNG =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

/** PNG signature followed by zeros, `size` bytes in all, as a data URL. */
export function pngOfSize(size: number): string {
  const bytes = Buffer.alloc(size);
  Buffer.from(TINY_PNG, "base64").subarray(0, 8).copy(bytes);
  return `data:image/png;base64,${bytes.toString("base64")}`;
}
