import type { ClientInfo } from "@profilehub/api";

import { currentRequest } from "../ops/request-context";
import { acceptRequestId } from "../ops/request-id";

/** The id the HTTP server gave this request, else the caller's `x-request-id` (if sane) or a new one. */
export function requestIdOf(request: Request): string {
  return currentRequest()?.id ?? acceptRequestId(request.headers.get("x-request-id"));
}

/**
 * The caller's address and user agent. The address is the one the HTTP server determined (the
 * socket's, or a trusted proxy's `X-Forwarded-For`): request headers are never trusted for it.
 */
export function clientInfoOf(request: { headers: { get(name: string): string | null } }): ClientInfo {
  return {
    ip: currentRequest()?.clientIp ?? null,
    userAgent: request.headers.get("user-agent")?.slice(0, 512) ?? null,
  };
}
