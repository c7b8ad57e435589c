import type { ErrorReason } from "@profilehub/api";
import type { Issue } from "@profilehub/validators";
import type { ErrorInfo } from "@/server/http/error-info";
import { fullMessage, sortIssues } from "./messages";

/** One documented 401 for every "who are you / not yours" failure. */
const UNAUTHORIZED = new Set<ErrorReason>([
  "token_missing",
  "token_invalid",
  "token_expired",
  "session_revoked",
  "forbidden",
]);

const MESSAGES: Partial<Record<ErrorReason, string>> = {
  invalid_json: "Request body is not valid JSON",
  unsupported_media_type: "Unsupported Content-Type: send application/json",
  payload_too_large: "Request body is too large",
};

/** 422 `{status, message: "Failed to update user", errors}`; `issues` already in E's names and wording. */
export function usersByIdInvalid(issues: Issue[]): Response {
  return Response.json(
    { status: "error", message: "Failed to update user", errors: sortIssues(issues) },
    { status: 422 },
  );
}

/** A conflict on a named field (the email is taken) is a validation failure; a write race is a 409. */
const fieldConflict = (error: ErrorInfo) =>
  error.reason === "conflict" && error.issues.length > 0 && error.issues.every((issue) => issue.path !== "");

export function usersByIdError(error: ErrorInfo): Response {
  if (UNAUTHORIZED.has(error.reason)) {
    return Response.json(
      { status: "error", message: "Not authenticated or insufficient permissions" },
      { status: 401 },
    );
  }
  if (error.reason === "user_not_found") {
    return Response.json({ status: "error", message: "User not found" }, { status: 404 });
  }
  if (error.reason === "validation" || error.reason === "webhook_rejected" || fieldConflict(error)) {
    const issues = error.issues.length > 0 ? error.issues : [{ path: "", message: error.message }];
    return usersByIdInvalid(issues.map(fullMessage));
  }
  const status = error.reason === "internal" ? 500 : error.status;
  return Response.json({ status: "error", message: MESSAGES[error.reason] ?? error.message }, { status });
}
