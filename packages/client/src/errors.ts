import { isTRPCClientError } from "@trpc/client";

import { AUTH_ERROR_CODES, type ProfileHubErrorCode } from "./error-codes";
import type { AppRouter, Issue } from "./types";

export type { ProfileHubErrorCode };

const AUTH_CODES: ReadonlySet<ProfileHubErrorCode> = new Set(AUTH_ERROR_CODES);

export interface ProfileHubErrorInit {
  code: ProfileHubErrorCode;
  message: string;
  /** HTTP status of the answer; `null` when there was none. */
  status?: number | null;
  issues?: Issue[];
  /** The tRPC procedure (`me.update`), for errors of `/api/trpc`. */
  path?: string | null;
  cause?: unknown;
}

/**
 * Any failed call to ProfileHub: the REST endpoints' `{error: {code, message, issues}}`, a tRPC
 * error's `data.reason` and `data.issues`, or a transport failure. `ProfileHubError.from(error)`
 * converts whatever a call threw.
 */
export class ProfileHubError extends Error {
  override readonly name = "ProfileHubError";
  readonly code: ProfileHubErrorCode;
  readonly status: number | null;
  /** Every validation problem, when the input was refused (`code: "validation"` or `"conflict"`). */
  readonly issues: Issue[];
  readonly path: string | null;

  constructor(init: ProfileHubErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.status = init.status ?? null;
    this.issues = init.issues ?? [];
    this.path = init.path ?? null;
  }

  /** The access token or the session is no longer accepted (refresh, or sign in again). */
  get isAuthError(): boolean {
    return AUTH_CODES.has(this.code);
  }

  /** Converts anything a client call threw (a `TRPCClientError`, a fetch failure, …). */
  static from(error: unknown): ProfileHubError {
    if (error instanceof ProfileHubError) return error;
    if (isTRPCClientError<AppRouter>(error)) {
      if (error.cause instanceof ProfileHubError) return error.cause;
      const data = error.data;
      if (data) {
        return new ProfileHubError({
          code: data.reason ?? "unknown",
          message: error.message,
          status: data.httpStatus,
          issues: data.issues ?? [],
          path: data.path ?? null,
          cause: error,
        });
      }
      const response = error.meta?.response as { status?: unknown } | undefined;
      if (response && typeof response.status === "number") {
        return badResponse(response.status, error);
      }
      return isNetworkFailure(error.cause) ? networkError(error.cause) : badResponse(null, error);
    }
    if (isNetworkFailure(error)) return networkError(error);
    return new ProfileHubError({
      code: "unknown",
      message: error instanceof Error ? error.message : String(error),
      cause: error,
    });
  }
}

/** `fetch` rejects with a TypeError when no answer came (refused, DNS, reset, TLS, …). */
function isNetworkFailure(error: unknown): error is Error {
  return error instanceof TypeError || (error instanceof Error && error.name === "AbortError");
}

export function networkError(error: Error): ProfileHubError {
  const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
  const detail = typeof cause?.code === "string" ? cause.code : typeof cause?.message === "string" ? cause.message : "";
  return new ProfileHubError({
    code: "network",
    message: `Cannot reach the server${detail ? ` (${detail})` : `: ${error.message}`}`,
    cause: error,
  });
}

export function badResponse(status: number | null, cause?: unknown): ProfileHubError {
  return new ProfileHubError({
    code: "bad_response",
    message: `Unexpected answer from the server${status === null ? "" : ` (HTTP ${status})`}: is this a ProfileHub server?`,
    status,
    cause,
  });
}
