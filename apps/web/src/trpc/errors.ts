import type { Issue } from "@profilehub/validators";

/** What the router puts in `error.data` (packages/api/src/trpc.ts errorFormatter). */
export interface RouterErrorData {
  code?: string;
  httpStatus?: number;
  reason?: string | null;
  issues?: Issue[];
}

export interface RouterError {
  message: string;
  reason: string | null;
  status: number | null;
  issues: Issue[];
}

const SIGNED_OUT = new Set(["token_missing", "token_invalid", "token_expired", "session_revoked"]);

/** Reason, status and field issues of a failed tRPC call (or of a network failure). */
export function routerError(error: unknown): RouterError {
  const data = (error as { data?: RouterErrorData | null } | null)?.data ?? null;
  return {
    message: error instanceof Error ? error.message : String(error),
    reason: data?.reason ?? null,
    status: data?.httpStatus ?? null,
    issues: Array.isArray(data?.issues) ? data.issues : [],
  };
}

/** The session behind the cookie is gone: the page should send the user to sign in. */
export function isSignedOutError(error: unknown): boolean {
  const reason = routerError(error).reason;
  return reason !== null && SIGNED_OUT.has(reason);
}
