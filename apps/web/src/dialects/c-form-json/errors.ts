import type { ErrorReason } from "@profilehub/api";
import type { Issue } from "@profilehub/validators";

import type { ErrorInfo } from "@/server/http/error-info";

import { dialectPathOf } from "../shared/fields";
import { answersByReason, NATIVE_ONLY, STACK_ONLY } from "../shared/reasons";
import { word } from "../shared/wording";
import { formJsonFields } from "./contract";
import { FORM_JSON_WORDING } from "./messages";

/**
 * "400 for unauthorized", as documented, for every authentication failure; invalid input — the
 * document's rules, uniqueness included — is a 400 too; a field conflict (an email taken) is
 * invalid input, a write race keeps its 409; everything else keeps the reason's status.
 */
/** How dialect C answers each reason (docs/dialects/c-form-json.md). */
const ANSWERS = answersByReason({
  unauthorized: ["token_missing", "token_invalid", "token_expired", "session_revoked", "project_mismatch"],
  invalid: ["validation", "invalid_json", "webhook_rejected", "email_token_invalid"],
  conflict: ["conflict"],
  "as-is": [
    ...NATIVE_ONLY,
    ...STACK_ONLY,
    "server_key_invalid",
    "forbidden",
    "user_not_found",
    "team_not_found",
    "rate_limited",
  ],
  transport: [
    "payload_too_large",
    "unsupported_media_type",
    "method_not_allowed",
    "route_not_found",
    "client_outdated",
  ],
  failure: ["webhook_failed", "unavailable", "internal"],
});

/** The document's sentences for the transport problems it words. */
const TRANSPORT_MESSAGES: Partial<Record<ErrorReason, string>> = {
  invalid_json: "The request body is not valid JSON.",
  unsupported_media_type: "Unsupported Content-Type: send application/x-www-form-urlencoded or application/json.",
  payload_too_large: "The request body is too large.",
};

const fieldConflict = (error: ErrorInfo) => error.issues.length > 0 && error.issues.every((issue) => issue.path !== "");

function status(error: ErrorInfo): number {
  const answer = ANSWERS[error.reason];
  if (answer === "unauthorized" || answer === "invalid" || (answer === "conflict" && fieldConflict(error))) return 400;
  return error.reason === "internal" ? 500 : error.status;
}

const order = (issue: Issue) => {
  const index = (formJsonFields.names as readonly string[]).indexOf(
    dialectPathOf(formJsonFields, issue).split(".")[0]!,
  );
  return index < 0 ? formJsonFields.names.length : index;
};

/** Every problem, one sentence each, in the document's field order. */
function message(error: ErrorInfo): string {
  if (ANSWERS[error.reason] === "unauthorized") return "Unauthorized";
  if (error.issues.length === 0) return TRANSPORT_MESSAGES[error.reason] ?? error.message;
  return [...error.issues]
    .sort((a, b) => order(a) - order(b))
    .map((issue) => word(FORM_JSON_WORDING, formJsonFields, issue))
    .join(" ");
}

/** `{code, status: "error", message}` — `code` is always the HTTP status. */
export function formJsonError(error: ErrorInfo): Response {
  const code = status(error);
  return Response.json({ code, status: "error", message: message(error) }, { status: code });
}
