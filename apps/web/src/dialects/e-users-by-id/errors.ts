import type { ErrorReason } from "@profilehub/api";

import type { ErrorInfo } from "@/server/http/error-info";

import { answersByReason, NATIVE_ONLY, STACK_ONLY } from "../shared/reasons";
import { fullMessage, sortErrors } from "./messages";

/**
 * How dialect E answers each reason (docs/dialects/e-users-by-id.md): one documented 401 for every
 * "who are you / not yours" failure, 404, 422 with Rails-style `errors` (a conflict on a named
 * field, like a taken email, too), or the reason's own status and message.
 */
const ANSWERS = answersByReason({
  unauthorized: ["token_missing", "token_invalid", "token_expired", "session_revoked", "forbidden"],
  credentials: ["project_mismatch", "server_key_invalid"],
  not_found: ["user_not_found"],
  invalid: ["validation", "webhook_rejected"],
  conflict: ["conflict"],
  transport: [
    "invalid_json",
    "payload_too_large",
    "unsupported_media_type",
    "method_not_allowed",
    "route_not_found",
    "client_outdated",
  ],
  "as-is": [...NATIVE_ONLY, ...STACK_ONLY, "team_not_found", "email_token_invalid", "webhook_failed", "rate_limited"],
  failure: ["unavailable", "internal"],
});

/** The document's sentences for the transport problems. */
const TRANSPORT_MESSAGES: Partial<Record<ErrorReason, string>> = {
  invalid_json: "Request body is not valid JSON",
  unsupported_media_type: "Unsupported Content-Type: send application/json",
  payload_too_large: "Request body is too large",
};

const json = (status: number, body: object) => Response.json(body, { status });

/** A conflict on named fields (the email is taken) is a validation failure; a write race is a 409. */
const fieldConflict = (error: ErrorInfo) => error.issues.length > 0 && error.issues.every((issue) => issue.path !== "");

function invalid(error: ErrorInfo): Response {
  const errors = error.issues.length > 0 ? error.issues.map(fullMessage) : [{ path: "base", message: error.message }];
  return json(422, { status: "error", message: "Failed to update user", errors: sortErrors(errors) });
}

export function usersByIdError(error: ErrorInfo): Response {
  const answer = ANSWERS[error.reason];
  if (answer === "unauthorized" || answer === "credentials") {
    return json(401, { status: "error", message: "Not authenticated or insufficient permissions" });
  }
  if (answer === "not_found") return json(404, { status: "error", message: "User not found" });
  if (answer === "invalid" || (answer === "conflict" && fieldConflict(error))) return invalid(error);
  const status = error.reason === "internal" ? 500 : error.status;
  return json(status, { status: "error", message: TRANSPORT_MESSAGES[error.reason] ?? error.message });
}
