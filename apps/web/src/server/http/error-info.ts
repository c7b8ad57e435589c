import { appError, describeError, withDatabaseUnavailable, type ErrorReason } from "@profilehub/api";
import type { Issue } from "@profilehub/validators";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";

/** A failed call, as every door needs it to render its own documented error. */
export interface ErrorInfo {
  status: number;
  reason: ErrorReason;
  message: string;
  issues: Issue[];
}

export function errorInfoFromReason(reason: ErrorReason, message: string, issues: Issue[] = []): ErrorInfo {
  return errorInfo(appError(reason, message, issues), "");
}

/** Maps anything a procedure threw; unexpected errors are logged and never described to clients. */
export function errorInfo(thrown: unknown, requestId: string): ErrorInfo {
  const error = withDatabaseUnavailable(thrown); // also outside procedures (e.g. reading a session cookie)
  const trpcError = error instanceof TRPCError ? error : new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: error });
  const status = getHTTPStatusCodeFromError(trpcError);
  const described = describeError(trpcError);
  if (described.reason && described.reason !== "internal") return { status, ...described, reason: described.reason };
  if (status >= 500) {
    console.error(`[request ${requestId}]`, trpcError.cause ?? trpcError);
    return { status: 500, reason: "internal", message: "Internal server error", issues: [] };
  }
  return { status, reason: "validation", message: trpcError.message, issues: [] };
}
