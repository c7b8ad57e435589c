import type { ClientInfo } from "@profilehub/api";
import { currentRequest } from "../ops/request-context";
import { acceptRequestId } from "../ops/request-id";

/** The id the HTTP server gave this request, else the caller's `x-request-id` (if sane) or a new one. */
export function requestIdOf(request: Request): string {
  return currentRequest()?.id ?? acceptRequestId(request.headers.get("x-request-id"));
}

export function clientInfoOf(request: Request): ClientInfo {
  const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return {
    ip: forwarded || request.headers.get("x-real-ip") || null,
    userAgent: request.headers.get("user-agent")?.slice(0, 512) ?? null,
  };
}
