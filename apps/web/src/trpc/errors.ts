import type { ErrorReason, Issue } from "@profilehub/validators";

/** What the router puts in `error.data` (packages/api/src/trpc.ts errorFormatter). */
export interface RouterErrorData {
  code?: string;
  httpStatus?: number;
  reason?: string | null;
  params?: object;
  issues?: Issue[];
}

export interface RouterError {
  message: string;
  /**
   * The router's reason, as sent: a newer server may send one this UI does not know (the
   * language's `refusal` gives null for it, and `failureMessage` the generic sentence). Not checked
   * against the code lists here, so that the signed-out pages do not ship them.
   */
  reason: ErrorReason | (string & {}) | null;
  params: object;
  status: number | null;
  /**
   * The well-formed problems, as sent: one with a code this UI does not know (a newer server's)
   * is worded generically by `renderProblemIn` ("… is invalid"), next to its field.
   */
  issues: Issue[];
}

const SIGNED_OUT = new Set(["token_missing", "token_invalid", "token_expired", "session_revoked"]);

/** An answer that was not the router's JSON (a proxy's or the server's own error page). */
export class HttpStatusError extends Error {
  override name = "HttpStatusError";

  constructor(readonly status: number) {
    super(`The server answered ${status}`);
  }
}

/** A non-JSON error answer keeps its status (tRPC would only see JSON it cannot parse). */
export async function fetchKeepingStatus(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const response = await fetch(input, init);
  const type = response.headers.get("content-type") ?? "";
  if (!response.ok && !type.includes("json")) throw new HttpStatusError(response.status);
  return response;
}

/** The status of a non-JSON error answer; null when nothing answered at all (offline, unreachable). */
function responseStatus(error: unknown): number | null {
  const cause = (error as { cause?: unknown } | null)?.cause;
  return cause instanceof HttpStatusError ? cause.status : null;
}

function isWellFormed(issue: unknown): issue is Issue {
  const { code, path } = (issue ?? {}) as { code?: unknown; path?: unknown };
  return typeof code === "string" && typeof path === "string";
}

/** Reason, status and field issues of a failed tRPC call (or of a network failure: status null). */
export function routerError(error: unknown): RouterError {
  const data = (error as { data?: RouterErrorData | null } | null)?.data ?? null;
  const issues = Array.isArray(data?.issues) ? data.issues : [];
  return {
    message: error instanceof Error ? error.message : String(error),
    reason: typeof data?.reason === "string" ? data.reason : null,
    params: data?.params ?? {},
    status: data?.httpStatus ?? responseStatus(error),
    issues: issues.filter(isWellFormed),
  };
}

/** The session behind the cookie is gone: the page should send the user to sign in. */
export function isSignedOutError(error: unknown): boolean {
  const reason = routerError(error).reason;
  return reason !== null && SIGNED_OUT.has(reason);
}
