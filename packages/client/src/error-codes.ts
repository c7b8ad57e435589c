import type { ErrorReason } from "@profilehub/api";

/**
 * The codes of the server's errors (`error.data.reason` on `/api/trpc`, `error.code` on the REST
 * endpoints), as the router declares them: types only, so the published package carries the
 * server's list without its code.
 */
export type ServerErrorCode = ErrorReason;

/** The codes the client gives failures it finds itself, before or instead of a server's answer. */
export const CLIENT_ERROR_CODES = [
  /** No answer: refused, DNS, reset, TLS, aborted. */
  "network",
  /** An answer that is not ProfileHub's JSON (a proxy's error page, another server). */
  "bad_response",
  /** Anything else thrown by a call. */
  "unknown",
] as const;
export type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[number];

/** Every code a `ProfileHubError` may carry: match on these, never on messages. */
export type ProfileHubErrorCode = ServerErrorCode | ClientErrorCode;

/** Codes after which the caller must refresh its access token or sign in again. */
export const AUTH_ERROR_CODES: readonly ServerErrorCode[] = [
  "token_missing",
  "token_invalid",
  "token_expired",
  "session_revoked",
  "invalid_grant",
];
