import { appError, describeError, type ErrorReason, withDatabaseUnavailable } from "@profilehub/api";
import type { Issue, ReasonParamsArgument } from "@profilehub/validators";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";

import { getLogger } from "../ops/logger";

/** A failed call, as every door needs it to render its own documented error. */
export interface ErrorInfo {
  status: number;
  reason: ErrorReason;
  /** The reason's params (`retryAfterSeconds`, `failure`, …). */
  params: Record<string, unknown>;
  /** The reason's (or the only issue's) English sentence. */
  message: string;
  issues: Issue[];
}

/** A refusal found by the HTTP layer itself (a body too large, a method not served…). */
export function errorInfoFromReason<R extends ErrorReason>(reason: R, ...params: ReasonParamsArgument<R>): ErrorInfo {
  return errorInfo(appError(reason, ...params), "");
}

/** Maps anything a procedure threw; unexpected errors are logged and never described to clients. */
export function errorInfo(thrown: unknown, requestId: string): ErrorInfo {
  const error = withDatabaseUnavailable(thrown); // also outside procedures (e.g. reading a session cookie)
  const trpcError = error instanceof TRPCError ? error : new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: error });
  const status = getHTTPStatusCodeFromError(trpcError);
  const described = describeError(trpcError);
  const params = described.params as Record<string, unknown>;
  if (described.reason && described.reason !== "internal") {
    return { status, reason: described.reason, params, message: described.message, issues: described.issues };
  }
  if (status >= 500 || described.reason === "internal") {
    getLogger().error({ reqId: requestId, err: trpcError.cause ?? trpcError }, "request failed");
    return { status: 500, reason: "internal", params: {}, message: "Internal server error", issues: [] };
  }
  // A tRPC error without a reason of ours (e.g. the adapter's own): reported as invalid input.
  return { status, reason: "validation", params: {}, message: trpcError.message, issues: [] };
}
