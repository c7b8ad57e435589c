import type { ErrorReason } from "@profilehub/api";
import type { Issue } from "@profilehub/validators";
import type { ErrorInfo } from "@/server/http/error-info";
import { formJsonFields } from "./contract";
import { formJsonMessage } from "./messages";

/** "400 for unauthorized", as documented: every authentication failure. */
const UNAUTHORIZED = new Set<ErrorReason>(["token_missing", "token_invalid", "token_expired", "session_revoked"]);
/** Invalid input — the document's validation rules, uniqueness included — is a 400 too. */
const INVALID = new Set<ErrorReason>(["validation", "invalid_json", "webhook_rejected"]);

const MESSAGES: Partial<Record<ErrorReason, string>> = {
  invalid_json: "The request body is not valid JSON.",
  unsupported_media_type: "Unsupported Content-Type: send application/x-www-form-urlencoded or application/json.",
  payload_too_large: "The request body is too large.",
};

/** A conflict on a named field (the email is taken) is a validation failure; a write race is a 409. */
const fieldConflict = (error: ErrorInfo) =>
  error.reason === "conflict" && error.issues.length > 0 && error.issues.every((issue) => issue.path !== "");

function status(error: ErrorInfo): number {
  if (UNAUTHORIZED.has(error.reason) || INVALID.has(error.reason) || fieldConflict(error)) return 400;
  return error.reason === "internal" ? 500 : error.status;
}

const order = (issue: Issue) => {
  const index = (formJsonFields.names as readonly string[]).indexOf(issue.path.split(".")[0]!);
  return index < 0 ? formJsonFields.names.length : index;
};

/** Every problem, one sentence each, in the document's field order. */
function message(error: ErrorInfo): string {
  if (UNAUTHORIZED.has(error.reason)) return "Unauthorized";
  if (error.issues.length === 0) return MESSAGES[error.reason] ?? error.message;
  return error.issues
    .map((issue) => ({ path: formJsonFields.dialectPath(issue.path), message: issue.message }))
    .sort((a, b) => order(a) - order(b))
    .map(formJsonMessage)
    .join(" ");
}

/** `{code, status: "error", message}` — `code` is always the HTTP status. */
export function formJsonError(error: ErrorInfo): Response {
  const code = status(error);
  return Response.json({ code, status: "error", message: message(error) }, { status: code });
}
