import {
  createIssue,
  type ErrorReason,
  isErrorReason,
  type Issue,
  type ParamsArgument,
  type ProblemCode,
  type ReasonParams,
  type ReasonParamsArgument,
  renderReason,
  zodIssues,
} from "@profilehub/validators";
import { TRPCError } from "@trpc/server";
import { ZodError } from "zod";

export type { ErrorReason } from "@profilehub/validators";

/**
 * The tRPC code (and so the HTTP status of the native API) of each reason. REST dialects map
 * reasons to their own documented statuses and bodies, in exhaustive tables of their own.
 */
export const ERROR_REASONS = {
  validation: "BAD_REQUEST",
  invalid_json: "BAD_REQUEST",
  token_missing: "UNAUTHORIZED",
  token_invalid: "UNAUTHORIZED",
  token_expired: "UNAUTHORIZED",
  session_revoked: "UNAUTHORIZED",
  project_mismatch: "UNAUTHORIZED",
  invalid_credentials: "UNAUTHORIZED",
  invalid_grant: "UNAUTHORIZED",
  totp_required: "UNAUTHORIZED",
  totp_invalid: "UNAUTHORIZED",
  publishable_key_invalid: "UNAUTHORIZED",
  mailbox_disabled: "FORBIDDEN",
  csrf_failed: "FORBIDDEN",
  server_key_invalid: "UNAUTHORIZED",
  forbidden: "FORBIDDEN",
  user_not_found: "NOT_FOUND",
  team_not_found: "NOT_FOUND",
  conflict: "CONFLICT",
  webhook_rejected: "UNPROCESSABLE_CONTENT",
  webhook_failed: "BAD_GATEWAY",
  email_token_invalid: "BAD_REQUEST",
  rate_limited: "TOO_MANY_REQUESTS",
  // A typed client older than the oldest API version the server answers (see api-version.ts).
  client_outdated: "PRECONDITION_FAILED",
  payload_too_large: "PAYLOAD_TOO_LARGE",
  unsupported_media_type: "UNSUPPORTED_MEDIA_TYPE",
  method_not_allowed: "METHOD_NOT_SUPPORTED",
  route_not_found: "NOT_FOUND",
  unavailable: "SERVICE_UNAVAILABLE",
  internal: "INTERNAL_SERVER_ERROR",
} as const satisfies Record<ErrorReason, TRPCError["code"]>;

/** Carried as the TRPCError's `cause`: the reason, its params and, for input problems, every issue. */
export class AppErrorDetail extends Error {
  constructor(
    readonly reason: ErrorReason,
    readonly params: object,
    message: string,
    readonly issues: Issue[] = [],
  ) {
    super(message);
    this.name = "AppErrorDetail";
  }
}

function withDetail(reason: ErrorReason, params: object, message: string, issues: Issue[]): TRPCError {
  return new TRPCError({
    code: ERROR_REASONS[reason],
    message,
    cause: new AppErrorDetail(reason, params, message, issues),
  });
}

/** A refusal: its message is the reason's English wording, from the reason and its params. */
export function appError<R extends ErrorReason>(reason: R, ...[params]: ReasonParamsArgument<R>): TRPCError {
  const values = (params ?? {}) as ReasonParams<R>;
  return withDetail(reason, values, renderReason(reason, values, "en"), []);
}

/** The message of an error carrying issues: the only issue's sentence, or the reason's count. */
function issuesError(reason: "validation" | "conflict", issues: Issue[]): TRPCError {
  const params = { count: issues.length };
  const message = issues.length === 1 ? issues[0]!.message : renderReason(reason, params, "en");
  return withDetail(reason, params, message, issues);
}

export const validationError = (issues: Issue[]): TRPCError => issuesError("validation", issues);
export const conflictError = (issues: Issue[]): TRPCError => issuesError("conflict", issues);

/** One problem at one path, as a validation error. */
export function invalidField<C extends ProblemCode>(path: string, code: C, ...params: ParamsArgument<C>): TRPCError {
  return validationError([createIssue(path, code, ...params)]);
}

/** One problem at one path, as a conflict. */
export function conflictingField<C extends ProblemCode>(
  path: string,
  code: C,
  ...params: ParamsArgument<C>
): TRPCError {
  return conflictError([createIssue(path, code, ...params)]);
}

/**
 * The detail of any error thrown by a procedure, if it is one of ours. Recognized by shape, not
 * `instanceof`: the production build may hold several copies of this module (one per layer).
 */
export function errorDetail(error: unknown): AppErrorDetail | undefined {
  const cause = error instanceof TRPCError ? error.cause : error;
  const candidate = cause as Partial<AppErrorDetail> | null | undefined;
  const ours =
    candidate?.name === "AppErrorDetail" && isErrorReason(candidate.reason) && Array.isArray(candidate.issues);
  return ours ? (cause as AppErrorDetail) : undefined;
}

export interface DescribedError {
  reason: ErrorReason | null;
  params: object;
  message: string;
  issues: Issue[];
}

/**
 * Reason, params, message and issues of any error a procedure threw — ours, or a ZodError raised
 * by an `.input()` parser (reported as a validation failure with its issues).
 */
export function describeError(error: unknown): DescribedError {
  const detail = errorDetail(error);
  if (detail) return { reason: detail.reason, params: detail.params, message: detail.message, issues: detail.issues };
  const cause = error instanceof TRPCError ? error.cause : error;
  if (cause instanceof ZodError) {
    const described = errorDetail(validationError(zodIssues(cause)))!;
    return { reason: "validation", params: described.params, message: described.message, issues: described.issues };
  }
  return { reason: null, params: {}, message: error instanceof Error ? error.message : String(error), issues: [] };
}
