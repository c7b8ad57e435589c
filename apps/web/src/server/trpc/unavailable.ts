import { describeError, RETRY_AFTER_SECONDS, retryAfterOf } from "@profilehub/api";
import { renderReason } from "@profilehub/validators";
import type { TRPCError } from "@trpc/server";

/** The tRPC door's 503 when no runtime could be opened (the router's error shape, `reason: unavailable`). */
export function trpcUnavailable(): Response {
  return Response.json(
    {
      error: {
        message: renderReason("unavailable", {}, "en"),
        code: -32603,
        data: { code: "SERVICE_UNAVAILABLE", httpStatus: 503, reason: "unavailable", params: {}, issues: [] },
      },
    },
    { status: 503, headers: { "retry-after": String(RETRY_AFTER_SECONDS) } },
  );
}

/**
 * `responseMeta` of the tRPC handler: a `Retry-After` whenever a call was refused by an abuse
 * limit (its own wait, the longest of a batch) or failed as `unavailable` (database trouble).
 */
export function retryAfterHeader({ errors }: { errors: TRPCError[] }): { headers?: Record<string, string> } {
  const waits = errors.map((error) => retryAfterOf(describeError(error))).filter((wait) => wait !== null);
  return waits.length > 0 ? { headers: { "retry-after": String(Math.max(...waits)) } } : {};
}
