import type { ErrorReason } from "@profilehub/api";

import type { ErrorInfo } from "@/server/http/error-info";

import { type IssueWording, ledByField, standardWording, word } from "../shared/wording";
import { projectUserFields } from "./contract";

/** Dialect B's error body (seed 001): `{error, code}`, plus `details` on server errors. */
export interface ProjectUserError {
  error: string;
  code: string;
  details?: string;
}

const body = (status: number, payload: ProjectUserError): Response => Response.json(payload, { status });

const SERVER_ERROR = "Internal server error";
const UNEXPECTED = "An unexpected error occurred; quote the x-request-id response header when reporting it";

/** Each problem as `field: sentence`, in B's field names. */
const WORDING: IssueWording = ledByField(standardWording(projectUserFields));

/**
 * Every field problem at once, in B's field names: `location.latitude: Latitude must be …; bio: …`,
 * keys `update` may not hold first, named together (`Unknown fields in update: email, nickname`).
 */
function invalidDataMessage(error: ErrorInfo): string {
  if (error.issues.length === 0) return error.message;
  const unknown = error.issues.filter((issue) => issue.code === "unknown_field").map((issue) => issue.path);
  const others = error.issues.filter((issue) => issue.code !== "unknown_field");
  const lines = others.map((issue) => word(WORDING, projectUserFields, issue));
  if (unknown.length > 0)
    lines.unshift(`Unknown field${unknown.length > 1 ? "s" : ""} in update: ${unknown.join(", ")}`);
  return lines.join("; ");
}

type Render = (error: ErrorInfo) => { status: number } & ProjectUserError;

const invalid =
  (status: number, code: string): Render =>
  (error) => ({ status, error: invalidDataMessage(error), code });
/** A missing or empty `update` has its own documented answer. */
const invalidOrMissing: Render = (error) =>
  error.issues.some((issue) => issue.code === "missing_param")
    ? { status: 400, error: "Missing required data", code: "user/missing-data" }
    : invalid(400, "user/invalid-data")(error);
const fixed =
  (status: number, code: string, message?: string): Render =>
  (error) => ({ status, error: message ?? error.message, code });
const unauthorized = fixed(401, "auth/unauthorized");
const serverError =
  (status: number, options: { error?: string; details?: string } = {}): Render =>
  (error) => ({
    status,
    error: options.error ?? SERVER_ERROR,
    code: "user/server-error",
    details: options.details ?? error.message,
  });

/** One rule per router reason (exhaustive: a new reason must be given a documented answer here). */
const RULES: Record<ErrorReason, Render> = {
  validation: invalidOrMissing,
  email_token_invalid: invalid(400, "user/invalid-data"),
  team_not_found: invalid(400, "user/invalid-data"),
  invalid_json: fixed(400, "request/invalid-json"),
  token_missing: unauthorized,
  token_invalid: unauthorized,
  token_expired: unauthorized,
  session_revoked: unauthorized,
  project_mismatch: unauthorized,
  invalid_credentials: unauthorized,
  publishable_key_invalid: unauthorized,
  invalid_grant: unauthorized,
  totp_required: unauthorized,
  totp_invalid: unauthorized,
  server_key_invalid: fixed(401, "auth/unauthorized", "Invalid API key"),
  csrf_failed: fixed(403, "user/not-authorized"),
  mailbox_disabled: fixed(403, "user/not-authorized"),
  forbidden: fixed(403, "user/not-authorized"),
  user_not_found: fixed(404, "user/not-found", "User not found"),
  method_not_allowed: fixed(405, "request/method-not-allowed"),
  route_not_found: fixed(404, "request/not-found"),
  // Only the typed API (/api/trpc) checks a client's API version.
  client_outdated: fixed(400, "request/client-outdated"),
  conflict: (error) =>
    error.issues.some((issue) => issue.path === "username")
      ? { status: 409, error: "Username has already been taken", code: "user/username-taken" }
      : { status: 409, error: error.message, code: "user/conflict" },
  payload_too_large: fixed(413, "request/too-large"),
  unsupported_media_type: fixed(415, "request/unsupported-media-type"),
  rate_limited: fixed(429, "user/rate-limited"),
  // Replyke answers a webhook's refusal with 400 `user/validation-failed` and the webhook's message.
  webhook_rejected: fixed(400, "user/validation-failed"),
  // A webhook that cannot give a signed answer blocks the update: a server-side failure (the
  // documented 500), whose details say why without naming the receiver.
  webhook_failed: serverError(500),
  unavailable: serverError(503, { error: "Service unavailable" }),
  internal: serverError(500, { details: UNEXPECTED }),
};

export function projectUserError(error: ErrorInfo): Response {
  const { status, ...payload } = RULES[error.reason](error);
  return body(status, payload);
}
