import type { Issue } from "@profilehub/validators";
import type { ErrorInfo } from "@/server/http/error-info";
import { currentUserFields } from "./contract";
import { KnownErrors, type StackError } from "./known-errors";
import { expiredTokenError } from "./stack-auth";

export const MAX_BODY_BYTES = 256 * 1024;

/** What the request asked for, to fill in the details Stack's errors carry. */
export interface ErrorSubject {
  userId?: string;
  teamId?: unknown;
  email?: unknown;
}

/** Canonical names that appear inside the router's messages (e.g. "passwordHash"), in the dialect's names. */
const renamed = (message: string) =>
  message.replace(/\b[a-z]+[A-Z]\w*\b/g, (name) => currentUserFields.dialectPath(name));

const problemLine = (issue: Issue) => {
  const path = issue.path ? `body.${currentUserFields.dialectPath(issue.path)}` : "body";
  return `${path}: ${renamed(issue.message)}`;
};

/** Validation failures: Stack's dedicated codes where one applies, else SCHEMA_ERROR listing every problem. */
function validationError(error: ErrorInfo, request: Request, subject: ErrorSubject): StackError {
  const [only, ...others] = error.issues;
  if (!only) return KnownErrors.schemaError(request, [renamed(error.message)]);
  if (others.length === 0 && only.path === "password") {
    const min = /too short \(minimum is (\d+)/.exec(only.message);
    if (min) return KnownErrors.passwordTooShort(Number(min[1]));
    const max = /too long \(maximum is (\d+)/.exec(only.message);
    if (max) return KnownErrors.passwordTooLong(Number(max[1]));
    if (/different from the current/.test(only.message)) return KnownErrors.passwordRequirementsNotMet(only.message);
  }
  if (others.length === 0 && only.path === "selectedTeamId" && /not a member/.test(only.message)) {
    return KnownErrors.teamMembershipNotFound(String(subject.teamId), subject.userId ?? "");
  }
  return KnownErrors.schemaError(request, error.issues.map(problemLine));
}

function conflictError(error: ErrorInfo, subject: ErrorSubject): StackError {
  if (error.issues.some((issue) => issue.path === "email")) {
    return KnownErrors.userEmailAlreadyExists(typeof subject.email === "string" ? subject.email.trim() : "");
  }
  return KnownErrors.userUpdateConflict(error.message);
}

function contentTypeOf(request: Request): string {
  return (request.headers.get("content-type") ?? "").split(";")[0]!.trim();
}

/** Any failure, as Stack Auth reports it (see docs/dialects/d-current-user.md for the whole table). */
export function toStackError(error: ErrorInfo, request: Request, subject: ErrorSubject = {}): StackError {
  switch (error.reason) {
    case "validation":
      return validationError(error, request, subject);
    case "invalid_json":
      return KnownErrors.bodyParsingError("Invalid JSON in request body");
    case "unsupported_media_type":
      return KnownErrors.bodyParsingError(`Unknown content type in request body: ${contentTypeOf(request)}`);
    case "payload_too_large":
      return KnownErrors.bodyParsingError(`Request body is too large (maximum is ${MAX_BODY_BYTES / 1024} KB)`, 413);
    case "token_missing":
      return KnownErrors.cannotGetOwnUserWithoutUser();
    case "token_invalid":
      return KnownErrors.unparsableAccessToken();
    case "token_expired":
      return expiredTokenError(request);
    case "session_revoked":
      return KnownErrors.invalidAccessToken();
    case "server_key_invalid":
      return KnownErrors.invalidSecretServerKey(request.headers.get("x-stack-project-id") ?? "");
    case "user_not_found":
      return KnownErrors.userNotFound();
    case "conflict":
      return conflictError(error, subject);
    case "webhook_rejected":
      return KnownErrors.userUpdateRejected(error.message);
    case "webhook_failed":
      return KnownErrors.userUpdateWebhookFailed(error.message);
    case "method_not_allowed":
      return KnownErrors.methodNotAllowed(error.message);
    case "rate_limited":
      return KnownErrors.rateLimited(error.message);
    case "unavailable":
      return KnownErrors.serviceUnavailable();
    case "internal":
      return KnownErrors.internal();
    default:
      // Reasons this route cannot produce; kept readable rather than hidden as a 500.
      return error.status >= 500
        ? KnownErrors.internal()
        : { status: error.status, code: error.reason.toUpperCase(), message: error.message };
  }
}
