import { type ErrorReason, retryAfterOf } from "@profilehub/api";
import type { Issue } from "@profilehub/validators";

import { type ErrorInfo, errorInfo } from "@/server/http/error-info";

import { dialectPathOf } from "../shared/fields";
import { standardWording, word } from "../shared/wording";
import { currentUserFields } from "./contract";
import { KnownErrors, type StackError, stackErrorResponse, statusError } from "./known-errors";
import { expiredTokenError, projectIdOf } from "./stack-auth";

export const MAX_BODY_BYTES = 256 * 1024;

/** What the request asked for, to fill in the details Stack's errors carry. */
export interface ErrorSubject {
  userId?: string;
  teamId?: unknown;
  email?: unknown;
  /** The body's keys in the order sent (offending keys are named in that order). */
  bodyKeys?: readonly string[];
  /** The request's own names of canonical paths, for routes other than the user object (`password` → `new_password`). */
  names?: Readonly<Record<string, string>>;
}

const WORDING = standardWording(currentUserFields);
/** Problems Stack reports as keys its schema does not allow for the caller. */
const NOT_ALLOWED: ReadonlySet<Issue["code"]> = new Set(["unknown_field", "server_only", "read_only"]);

const problemLine = (issue: Issue, subject: ErrorSubject) => {
  if (issue.code === "not_an_object") return "body must be a JSON object";
  const named = subject.names?.[issue.path] ?? dialectPathOf(currentUserFields, issue);
  const path = issue.path ? `body.${named}` : "body";
  return `${path}: ${word(WORDING, currentUserFields, issue)}`;
};

/** `body contains unknown properties: a, b`, in the order the keys were sent. */
function notAllowedLine(issues: Issue[], subject: ErrorSubject): string[] {
  const keys = issues.map((issue) => dialectPathOf(currentUserFields, issue));
  if (keys.length === 0) return [];
  const sent = subject.bodyKeys ?? [];
  const rank = (key: string) => (sent.includes(key) ? sent.indexOf(key) : sent.length);
  return [`body contains unknown properties: ${[...keys].sort((a, b) => rank(a) - rank(b)).join(", ")}`];
}

/** The one problem Stack has a dedicated known error for, if the request has only that one. */
function dedicatedError(issue: Issue, subject: ErrorSubject): StackError | null {
  if (issue.code === "too_short" && issue.path === "password")
    return KnownErrors.passwordTooShort(issue.params.minimum);
  if (issue.code === "too_long" && issue.path === "password") return KnownErrors.passwordTooLong(issue.params.maximum);
  if (issue.code === "password_unchanged") return KnownErrors.passwordRequirementsNotMet(issue.message);
  if (issue.code === "current_session") return KnownErrors.cannotDeleteCurrentSession();
  if (issue.code === "current_password_incorrect") return KnownErrors.passwordConfirmationMismatch();
  // Stack's `/auth/password/set` is for accounts without a password: one with a password must prove it.
  if (issue.code === "current_password_required") return KnownErrors.userAlreadyHasPassword();
  if (issue.code === "not_team_member") {
    return KnownErrors.teamMembershipNotFound(String(subject.teamId), subject.userId ?? "");
  }
  return null;
}

/** Validation failures: Stack's dedicated codes where one applies, else SCHEMA_ERROR listing every problem. */
function validationError(error: ErrorInfo, request: Request, subject: ErrorSubject): StackError {
  const [only, ...others] = error.issues;
  if (!only) return KnownErrors.schemaError(request, [error.message]);
  const dedicated = others.length === 0 ? dedicatedError(only, subject) : null;
  if (dedicated) return dedicated;
  const notAllowed = error.issues.filter((issue) => NOT_ALLOWED.has(issue.code));
  const rest = error.issues.filter((issue) => !NOT_ALLOWED.has(issue.code));
  return KnownErrors.schemaError(request, [
    ...notAllowedLine(notAllowed, subject),
    ...rest.map((issue) => problemLine(issue, subject)),
  ]);
}

function conflictError(error: ErrorInfo, subject: ErrorSubject): StackError {
  if (error.issues.some((issue) => issue.path === "email")) {
    return KnownErrors.userEmailAlreadyExists(typeof subject.email === "string" ? subject.email.trim() : "");
  }
  return KnownErrors.userUpdateConflict(error.message);
}

const contentTypeOf = (request: Request) => (request.headers.get("content-type") ?? "").split(";")[0]!.trim();

type Render = (error: ErrorInfo, request: Request, subject: ErrorSubject) => StackError;

/** Every reason, as Stack Auth reports it (docs/dialects/d-current-user.md has the whole table). */
const RENDER: Record<ErrorReason, Render> = {
  validation: validationError,
  invalid_json: () => KnownErrors.bodyParsingError("Invalid JSON in request body"),
  unsupported_media_type: (_, request) =>
    KnownErrors.bodyParsingError(`Unknown content type in request body: ${contentTypeOf(request)}`),
  payload_too_large: () =>
    KnownErrors.bodyParsingError(`Request body is too large (maximum is ${MAX_BODY_BYTES / 1024} KB)`, 413),
  token_missing: () => KnownErrors.cannotGetOwnUserWithoutUser(),
  token_invalid: () => KnownErrors.unparsableAccessToken(),
  token_expired: (_, request) => expiredTokenError(request),
  // A leaf of Stack's InvalidAccessToken (the parent itself cannot be rebuilt by the SDK): it refreshes,
  // and the revoked session's refresh token is REFRESH_TOKEN_NOT_FOUND_OR_EXPIRED — signed out.
  session_revoked: () => KnownErrors.accessTokenExpired(null),
  project_mismatch: (error) => {
    const { expected, actual } = error.params as { expected: string; actual: string };
    return KnownErrors.invalidProjectForAccessToken(expected, actual);
  },
  // Client access to a server-only route is refused before any key is looked at, as Stack's
  // request validation does; with server access, the key itself was wrong.
  server_key_invalid: (_, request) =>
    request.headers.get("x-stack-access-type") === "client"
      ? KnownErrors.insufficientAccessType("client", ["server"])
      : KnownErrors.invalidSecretServerKey(projectIdOf(request) ?? ""),
  user_not_found: (error) =>
    (error.params as { of?: string }).of === "session"
      ? statusError(404, "Session not found.")
      : KnownErrors.userNotFound(),
  conflict: (error, _, subject) => conflictError(error, subject),
  webhook_rejected: (error) => KnownErrors.userUpdateRejected(error.message),
  webhook_failed: (error) => KnownErrors.userUpdateWebhookFailed(error.message),
  method_not_allowed: (error) => KnownErrors.methodNotAllowed(error.message),
  route_not_found: (error) => statusError(404, error.message),
  client_outdated: (error, request) => KnownErrors.schemaError(request, [error.message]),
  rate_limited: (error) => KnownErrors.rateLimited(error.message),
  unavailable: () => KnownErrors.serviceUnavailable(),
  internal: () => KnownErrors.internal(),
  publishable_key_invalid: (error) => {
    const { projectId, missing } = error.params as { projectId: string; missing: boolean };
    return missing
      ? KnownErrors.publishableClientKeyRequiredForProject(projectId)
      : KnownErrors.invalidPublishableClientKey(projectId);
  },
  // Stack's password sign-in (two-factor: an attempt code for /auth/mfa/sign-in) and refresh grant.
  invalid_credentials: () => KnownErrors.emailPasswordMismatch(),
  invalid_grant: () => KnownErrors.refreshTokenNotFoundOrExpired(),
  totp_required: (error) => {
    const { attemptCode } = error.params as { attemptCode?: string };
    return attemptCode ? KnownErrors.multiFactorAuthenticationRequired(attemptCode) : KnownErrors.invalidTotpCode();
  },
  totp_invalid: () => KnownErrors.invalidTotpCode(),
  // A sealed MFA attempt code that is not ours, expired or of another project (Stack: a verification code).
  email_token_invalid: () => KnownErrors.verificationCodeNotFound(),
  // Reasons these routes cannot produce (other doors' refusals): Stack's nearest equivalents.
  // `forbidden` for client deletion is Stack's own plain-text 400.
  forbidden: (error) =>
    (error.params as { action?: string }).action === "client_deletion"
      ? KnownErrors.clientUserDeletionDisabled()
      : KnownErrors.userNotFound(),
  csrf_failed: () => KnownErrors.accessTokenExpired(null),
  mailbox_disabled: () => KnownErrors.userNotFound(),
  team_not_found: (_, __, subject) => KnownErrors.teamMembershipNotFound(String(subject.teamId), subject.userId ?? ""),
};

/** Any failure, as Stack Auth reports it. */
export function toStackError(error: ErrorInfo, request: Request, subject: ErrorSubject = {}): StackError {
  return RENDER[error.reason](error, request, subject);
}

/**
 * A router failure caught by a route (to name what the request sent in Stack's details), rendered
 * as Stack does, with `Retry-After` when the reason has one (a limit's 429).
 */
export function stackFailure(
  error: unknown,
  request: Request,
  requestId: string,
  subject: ErrorSubject = {},
): Response {
  const info = errorInfo(error, requestId);
  const response = stackErrorResponse(toStackError(info, request, subject), request);
  const wait = retryAfterOf(info);
  if (wait !== null) response.headers.set("retry-after", String(wait));
  return response;
}
