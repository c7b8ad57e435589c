import type { ErrorReason } from "@profilehub/api";
import type { ErrorInfo } from "@/server/http/error-info";
import { authUserFields } from "./contract";

/**
 * errno of each failure. The document gives -100004 for invalid requests; the others follow the
 * same scheme (see docs/dialects.md). Statuses stay within the documented 400 / 401 where the
 * meaning fits, so clients written for the document handle them.
 */
const ERRNO: Partial<Record<ErrorReason, { errno: number; status?: number }>> = {
  validation: { errno: -100004 },
  invalid_json: { errno: -100004 },
  payload_too_large: { errno: -100004 },
  unsupported_media_type: { errno: -100004 },
  conflict: { errno: -100004, status: 400 },
  webhook_rejected: { errno: -100004, status: 400 },
  token_missing: { errno: -100002 },
  token_invalid: { errno: -100002 },
  token_expired: { errno: -100002 },
  session_revoked: { errno: -100002 },
  forbidden: { errno: -100003 },
  user_not_found: { errno: -100005, status: 401 },
  rate_limited: { errno: -100007 },
  method_not_allowed: { errno: -100008 },
  webhook_failed: { errno: -100009, status: 503 },
  unavailable: { errno: -100009 },
};

const UNAUTHORIZED = "Invalid or expired access token";

/** The document's wording for the two validation failures it names. */
function message(error: ErrorInfo): string {
  if (ERRNO[error.reason]?.errno === -100002) return UNAUTHORIZED;
  if (error.issues.length === 0) return error.message;
  return error.issues
    .map((issue) => {
      const path = authUserFields.dialectPath(issue.path);
      if (path === "password" && /too short/.test(issue.message)) return "Password must be at least 6 characters";
      if (path === "email" && issue.message === "Email is invalid") return "Invalid email format";
      return issue.path ? `${path}: ${issue.message}` : issue.message;
    })
    .join("; ");
}

export function authUserError(error: ErrorInfo): Response {
  const mapped = ERRNO[error.reason] ?? { errno: -100001, status: 500 };
  return Response.json(
    { data: null, success: false, errno: mapped.errno, error: message(error) },
    { status: mapped.status ?? error.status },
  );
}
