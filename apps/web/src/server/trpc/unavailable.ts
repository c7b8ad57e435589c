import { describeError, RETRY_AFTER_SECONDS } from "@profilehub/api";
import { renderReason } from "@profilehub/validators";
import type { TRPCError } from "@trpc/server";

const retryAfter = { "retry-after": String(RETRY_AFTER_SECONDS) };

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
    { status: 503, headers: retryAfter },
  );
}

/** `responseMeta` of the tRPC handler: a `Retry-After` whenever a call failed as `unavailable`. */
export function retryAfterWhenUnavailable({ errors }: { errors: TRPCError[] }): { headers?: Record<string, string> } {
  return errors.some((error) => describeError(error).reason === "unavailable") ? { headers: retryAfter } : {};
}
