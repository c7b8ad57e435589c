import type { Door } from "@profilehub/api";

import { providedLoadedConfig } from "../config-holder";

/**
 * CORS of the REST doors (DESIGN §4). Their clients authenticate with headers (bearer tokens,
 * Stack's `x-stack-*`/`x-hexclave-*`), so any origin may call them — without credentials. Origins
 * listed in `CORS_ORIGINS` are reflected with `Access-Control-Allow-Credentials: true`, for SDKs
 * that always send `credentials: "include"` (Replyke's); never `*` with credentials. Each door
 * allows the request headers its real clients send, and exposes the answer headers they read.
 */
const COMMON_REQUEST_HEADERS = ["authorization", "content-type", "x-request-id"];
const COMMON_EXPOSED_HEADERS = ["x-request-id", "retry-after"];

/** Stack Auth's request headers, in both generations (`x-stack-*` before 2.8.10x, `x-hexclave-*` after). */
const STACK_HEADER_SUFFIXES = [
  "project-id",
  "branch-id",
  "access-type",
  "access-token",
  "refresh-token",
  "secret-server-key",
  "publishable-client-key",
  "super-secret-admin-key",
  "admin-access-token",
  "override-error-status",
  "client-version",
  "allow-anonymous-user",
  "random-nonce",
];
const bothGenerations = (suffixes: readonly string[]) =>
  suffixes.flatMap((suffix) => [`x-stack-${suffix}`, `x-hexclave-${suffix}`]);

/** What each door's clients send beyond the common headers, and read beyond the common ones. */
const SERVER_KEY = { request: ["x-api-key"], exposed: [] };
const DOOR_HEADERS: Partial<Record<Door, { request: readonly string[]; exposed: readonly string[] }>> = {
  // The native doors (/api/auth, /api/admin, /api/openapi.json) and Replyke's server access.
  auth: SERVER_KEY,
  admin: SERVER_KEY,
  trpc: SERVER_KEY,
  "dialect-b": SERVER_KEY,
  // Stack's SDK (it also sends ngrok's interstitial opt-out on every request).
  "dialect-d": {
    request: [...bothGenerations(STACK_HEADER_SUFFIXES), "ngrok-skip-browser-warning"],
    exposed: bothGenerations(["known-error", "actual-status"]),
  },
};

/** The request headers a door's preflight allows. */
export function allowedRequestHeaders(door: Door): string {
  return [...COMMON_REQUEST_HEADERS, ...(DOOR_HEADERS[door]?.request ?? [])].join(", ");
}

/** The answer headers a door exposes to the page's script. */
export function exposedHeaders(door: Door): string {
  return [...COMMON_EXPOSED_HEADERS, ...(DOOR_HEADERS[door]?.exposed ?? [])].join(", ");
}

/** Origins allowed with credentials (from the validated configuration the server started with). */
const credentialedOrigins = (): readonly string[] => providedLoadedConfig()?.env.CORS_ORIGINS ?? [];

/** The origin headers of an answer to `request`: reflected with credentials if listed, else `*`. */
export function originHeaders(request: Request | undefined): Record<string, string> {
  const origin = request?.headers.get("origin");
  const listed = origin !== null && origin !== undefined && credentialedOrigins().includes(origin);
  return listed
    ? { "access-control-allow-origin": origin, "access-control-allow-credentials": "true", vary: "Origin" }
    : { "access-control-allow-origin": "*", vary: "Origin" };
}

/**
 * The CORS of one route (a door and its methods): the headers that do not depend on the request
 * are joined once, when the route is defined; only the origin's are computed per answer.
 */
export function routeCors(door: Door, methods: readonly string[]) {
  const fixed: Record<string, string> = {
    "access-control-allow-methods": [...methods, "OPTIONS"].join(", "),
    "access-control-allow-headers": allowedRequestHeaders(door),
    "access-control-expose-headers": exposedHeaders(door),
    "access-control-max-age": "600",
  };
  const fixedEntries = Object.entries(fixed);
  return {
    /** Every CORS header of an answer to `request` (a preflight's). */
    headers: (request?: Request): Record<string, string> => ({ ...originHeaders(request), ...fixed }),
    /** Adds the CORS headers to a response (in place). */
    apply(response: Response, request?: Request): Response {
      const headers = response.headers;
      for (const [name, value] of Object.entries(originHeaders(request))) {
        if (name === "vary") headers.append(name, value);
        else headers.set(name, value);
      }
      for (const [name, value] of fixedEntries) headers.set(name, value);
      return response;
    },
  };
}
