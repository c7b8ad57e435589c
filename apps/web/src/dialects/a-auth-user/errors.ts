import type { ErrorReason } from "@profilehub/api";

import type { ErrorInfo } from "@/server/http/error-info";

import { type IssueWording, ledByField, standardWording, word } from "../shared/wording";
import { authUserFields } from "./contract";

interface Answer {
  errno: number;
  /** The HTTP status when it differs from the router's (kept within the document's 400 / 401). */
  status?: number;
}

const INVALID: Answer = { errno: -100004 };
const UNAUTHORIZED: Answer = { errno: -100002 };
const SERVER: Answer = { errno: -100001, status: 500 };

/**
 * errno of each reason (docs/dialects/a-auth-user.md). The document gives -100004 for invalid
 * requests and -100002 for a bad token; the others follow the same scheme. Statuses stay within
 * the documented 400 / 401 where the meaning fits, so clients written for the document handle them.
 */
const ANSWERS: Record<ErrorReason, Answer> = {
  validation: INVALID,
  invalid_json: INVALID,
  payload_too_large: INVALID,
  unsupported_media_type: INVALID,
  email_token_invalid: INVALID,
  conflict: { errno: -100004, status: 400 },
  webhook_rejected: { errno: -100004, status: 400 },
  token_missing: UNAUTHORIZED,
  token_invalid: UNAUTHORIZED,
  token_expired: UNAUTHORIZED,
  session_revoked: UNAUTHORIZED,
  project_mismatch: UNAUTHORIZED,
  invalid_credentials: UNAUTHORIZED,
  publishable_key_invalid: UNAUTHORIZED,
  invalid_grant: UNAUTHORIZED,
  totp_required: UNAUTHORIZED,
  totp_invalid: UNAUTHORIZED,
  server_key_invalid: UNAUTHORIZED,
  forbidden: { errno: -100003 },
  csrf_failed: { errno: -100003 },
  mailbox_disabled: { errno: -100003 },
  user_not_found: { errno: -100005, status: 401 },
  team_not_found: { errno: -100005, status: 400 },
  rate_limited: { errno: -100007 },
  method_not_allowed: { errno: -100008 },
  route_not_found: { errno: -100005, status: 404 },
  client_outdated: INVALID,
  webhook_failed: { errno: -100009, status: 503 },
  unavailable: { errno: -100009 },
  internal: SERVER,
};

/** The document's wording for the two validation failures it names; `field: sentence` for the rest. */
const WORDING: IssueWording = {
  ...ledByField(standardWording(authUserFields)),
  too_short: (issue, path) =>
    path === "password" ? `Password must be at least ${issue.params.minimum} characters` : `${path}: ${issue.message}`,
  invalid_email: (issue, path) => (path === "email" ? "Invalid email format" : `${path}: ${issue.message}`),
};

function message(error: ErrorInfo): string {
  if (ANSWERS[error.reason] === UNAUTHORIZED) return "Invalid or expired access token";
  if (error.issues.length === 0) return error.message;
  return error.issues.map((issue) => word(WORDING, authUserFields, issue)).join("; ");
}

export function authUserError(error: ErrorInfo): Response {
  const answer = ANSWERS[error.reason];
  return Response.json(
    { data: null, success: false, errno: answer.errno, error: message(error) },
    { status: answer.status ?? error.status },
  );
}
