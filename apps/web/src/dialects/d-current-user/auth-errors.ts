import type { Issue } from "@profilehub/validators";

import { type ErrorInfo, errorInfo } from "@/server/http/error-info";

import { stackFailure } from "./errors";
import { KnownErrors, type StackError, stackErrorResponse } from "./known-errors";

/** The names Stack's auth requests give the router's inputs (the project comes from a header or `client_id`). */
const REQUEST_NAMES: Record<string, string> = {
  email: "body.email",
  password: "body.password",
  refreshToken: "body.refresh_token",
  attemptCode: "body.code",
  totp: "body.totp",
  projectId: "headers.x-stack-project-id",
};

const line = (issue: Issue) => `${REQUEST_NAMES[issue.path] ?? `body.${issue.path}`}: ${issue.message}`;

/** Validation of Stack's auth requests: its dedicated password errors, else SCHEMA_ERROR with every problem. */
function authValidationError(error: ErrorInfo, request: Request): StackError {
  const [only, ...others] = error.issues;
  if (only && others.length === 0 && only.path === "password") {
    if (only.code === "too_short") return KnownErrors.passwordTooShort(only.params.minimum);
    if (only.code === "too_long") return KnownErrors.passwordTooLong(only.params.maximum);
  }
  return KnownErrors.schemaError(request, error.issues.length ? error.issues.map(line) : [error.message]);
}

/**
 * A failure of Stack's sign-in, sign-up, MFA step or refresh grant, as Stack's backend reports it;
 * for the refresh grant (`clientId`), a wrong publishable key is a wrong OAuth client secret.
 */
export function authFailed(
  error: unknown,
  request: Request,
  requestId: string,
  email?: unknown,
  clientId?: string,
): Response {
  const info = errorInfo(error, requestId);
  if (info.reason !== "validation") {
    if (clientId !== undefined && info.reason === "publishable_key_invalid") {
      return stackErrorResponse(KnownErrors.invalidOAuthClientIdOrSecret(clientId), request);
    }
    return stackFailure(error, request, requestId, { email });
  }
  return stackErrorResponse(authValidationError(info, request), request);
}
