import type { ErrorReason } from "@profilehub/api";
import type { Issue } from "@profilehub/validators";

import type { ErrorInfo } from "@/server/http/error-info";

import { dialectPathOf } from "../shared/fields";
import { standardWording, word } from "../shared/wording";
import { currentUserFields } from "./contract";
import { KnownErrors, type StackError } from "./known-errors";
import { expiredTokenError, projectIdOf } from "./stack-auth";

export const MAX_BODY_BYTES = 256 * 1024;

/** What the request asked for, to fill in the details Stack's errors carry. */
export interface ErrorSubject {
  userId?: string;
  teamId?: unknown;
  email?: unknown;
  /** The body's keys in the order sent (offending keys are named in that order). */
  bodyKeys?: readonly string[];
}

const WORDING = standardWording(currentUserFields);
/** Problems Stack reports as keys its schema does not allow for the caller. */
const NOT_ALLOWED: ReadonlySet<Issue["code"]> = new Set(["unknown_field", "server_only", "read_only"]);

const problemLine = (issue: Issue) => {
  if (issue.code === "not_an_object") return "body must be a JSON object";
  const path = issue.path ? `body.${dialectPathOf(currentUserFields, issue)}` : "body";
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
  return KnownErrors.schemaError(request, [...notAllowedLine(notAllowed, subject), ...rest.map(problemLine)]);
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
  session_revoked: () => KnownErrors.invalidAccessToken(),
  project_mismatch: (error) => {
    const { expected, actual } = error.params as { expected: string; actual: string };
    return KnownErrors.invalidProjectForAccessToken(expected, actual);
  },
  server_key_invalid: (_, request) => KnownErrors.invalidSecretServerKey(projectIdOf(request) ?? ""),
  user_not_found: () => KnownErrors.userNotFound(),
  conflict: (error, _, subject) => conflictError(error, subject),
  webhook_rejected: (error) => KnownErrors.userUpdateRejected(error.message),
  webhook_failed: (error) => KnownErrors.userUpdateWebhookFailed(error.message),
  method_not_allowed: (error) => KnownErrors.methodNotAllowed(error.message),
  route_not_found: (error) => KnownErrors.routeNotFound(error.message),
  client_outdated: (error, request) => KnownErrors.schemaError(request, [error.message]),
  rate_limited: (error) => KnownErrors.rateLimited(error.message),
  unavailable: () => KnownErrors.serviceUnavailable(),
  internal: () => KnownErrors.internal(),
  // Stack's password sign-in and refresh grant (TOTP sign-in has no Stack flow here yet).
  invalid_credentials: () => KnownErrors.emailPasswordMismatch(),
  invalid_grant: () => KnownErrors.refreshTokenNotFoundOrExpired(),
  totp_required: () => KnownErrors.invalidTotpCode(),
  totp_invalid: () => KnownErrors.invalidTotpCode(),
  // Reasons these routes cannot produce (other doors' refusals): Stack's nearest equivalents —
  // but `forbidden` for client deletion, which Stack answers with its plain 400.
  email_token_invalid: (error, request) => KnownErrors.schemaError(request, [error.message]),
  forbidden: (error) =>
    (error.params as { action?: string }).action === "client_deletion"
      ? KnownErrors.clientUserDeletionDisabled()
      : KnownErrors.userNotFound(),
  csrf_failed: () => KnownErrors.invalidAccessToken(),
  mailbox_disabled: () => KnownErrors.userNotFound(),
  team_not_found: (_, __, subject) => KnownErrors.teamMembershipNotFound(String(subject.teamId), subject.userId ?? ""),
};

/** Any failure, as Stack Auth reports it. */
export function toStackError(error: ErrorInfo, request: Request, subject: ErrorSubject = {}): StackError {
  return RENDER[error.reason](error, request, subject);
}
