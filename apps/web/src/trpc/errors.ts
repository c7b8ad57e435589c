import { type ErrorReason, isErrorReason, isProblemCode, type Issue } from "@profilehub/validators";

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
  reason: ErrorReason | null;
  params: object;
  status: number | null;
  /** Only problems with a code this UI knows (a newer server may send others: shown generically). */
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

/** Reason, status and field issues of a failed tRPC call (or of a network failure: status null). */
export function routerError(error: unknown): RouterError {
  const data = (error as { data?: RouterErrorData | null } | null)?.data ?? null;
  const issues = Array.isArray(data?.issues) ? data.issues : [];
  return {
    message: error instanceof Error ? error.message : String(error),
    reason: isErrorReason(data?.reason) ? data.reason : null,
    params: data?.params ?? {},
    status: data?.httpStatus ?? responseStatus(error),
    issues: issues.filter((issue) => isProblemCode(issue.code)),
  };
}

/** The session behind the cookie is gone: the page should send the user to sign in. */
export function isSignedOutError(error: unknown): boolean {
  const reason = routerError(error).reason;
  return reason !== null && SIGNED_OUT.has(reason);
}
