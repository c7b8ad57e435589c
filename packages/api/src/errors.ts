import { TRPCError } from "@trpc/server";
import { zodIssues, type Issue } from "@profilehub/validators";
import { ZodError } from "zod";

/**
 * Why a call failed, finer than tRPC's HTTP-ish codes. REST dialects map reasons to their
 * documented statuses and bodies; the tRPC door exposes it as `error.data.reason`.
 */
export const ERROR_REASONS = {
  validation: "BAD_REQUEST",
  invalid_json: "BAD_REQUEST",
  token_missing: "UNAUTHORIZED",
  token_invalid: "UNAUTHORIZED",
  token_expired: "UNAUTHORIZED",
  session_revoked: "UNAUTHORIZED",
  invalid_credentials: "UNAUTHORIZED",
  invalid_grant: "UNAUTHORIZED",
  totp_required: "UNAUTHORIZED",
  totp_invalid: "UNAUTHORIZED",
  mailbox_disabled: "FORBIDDEN",
  csrf_failed: "FORBIDDEN",
  current_password_wrong: "BAD_REQUEST",
  server_key_invalid: "UNAUTHORIZED",
  forbidden: "FORBIDDEN",
  user_not_found: "NOT_FOUND",
  project_not_found: "NOT_FOUND",
  team_not_found: "NOT_FOUND",
  conflict: "CONFLICT",
  webhook_rejected: "UNPROCESSABLE_CONTENT",
  webhook_failed: "BAD_GATEWAY",
  email_token_invalid: "BAD_REQUEST",
  rate_limited: "TOO_MANY_REQUESTS",
  // A typed client older than the oldest API version the server answers (see api-version.ts).
  client_outdated: "PRECONDITION_FAILED",
  // Transport-level problems, raised by the HTTP doors before the router is called.
  payload_too_large: "PAYLOAD_TOO_LARGE",
  unsupported_media_type: "UNSUPPORTED_MEDIA_TYPE",
  method_not_allowed: "METHOD_NOT_SUPPORTED",
  unavailable: "SERVICE_UNAVAILABLE",
  internal: "INTERNAL_SERVER_ERROR",
} as const satisfies Record<string, TRPCError["code"]>;

export type ErrorReason = keyof typeof ERROR_REASONS;

/** Carried as the TRPCError's `cause`: the reason and, for input problems, every issue found. */
export class AppErrorDetail extends Error {
  constructor(
    readonly reason: ErrorReason,
    message: string,
    readonly issues: Issue[] = [],
  ) {
    super(message);
    this.name = "AppErrorDetail";
  }
}

export function appError(reason: ErrorReason, message: string, issues: Issue[] = []): TRPCError {
  return new TRPCError({
    code: ERROR_REASONS[reason],
    message,
    cause: new AppErrorDetail(reason, message, issues),
  });
}

export function validationError(issues: Issue[]): TRPCError {
  const message = issues.length === 1 ? issues[0]!.message : `${issues.length} fields are invalid`;
  return appError("validation", message, issues);
}

export function conflictError(issues: Issue[]): TRPCError {
  return appError("conflict", issues[0]?.message ?? "Conflict", issues);
}

/**
 * The detail of any error thrown by a procedure, if it is one of ours. Recognized by shape, not
 * `instanceof`: the production build may hold several copies of this module (one per layer).
 */
export function errorDetail(error: unknown): AppErrorDetail | undefined {
  const cause = error instanceof TRPCError ? error.cause : error;
  const candidate = cause as Partial<AppErrorDetail> | null | undefined;
  const ours =
    candidate?.name === "AppErrorDetail" && typeof candidate.reason === "string" && Array.isArray(candidate.issues);
  return ours ? (cause as AppErrorDetail) : undefined;
}

/**
 * Reason, message and issues of any error a procedure threw — ours, or a ZodError raised by an
 * `.input()` parser (reported as a validation failure with its issues).
 */
export function describeError(error: unknown): { reason: ErrorReason | null; message: string; issues: Issue[] } {
  const detail = errorDetail(error);
  if (detail) return { reason: detail.reason, message: detail.message, issues: detail.issues };
  const cause = error instanceof TRPCError ? error.cause : error;
  if (cause instanceof ZodError) {
    const issues = zodIssues(cause);
    return {
      reason: "validation",
      message: issues.length === 1 ? issues[0]!.message : `${issues.length} fields are invalid`,
      issues,
    };
  }
  return { reason: null, message: error instanceof Error ? error.message : String(error), issues: [] };
}
