import { providedLoadedConfig } from "../config-holder";

/**
 * CORS of the REST doors (DESIGN §4). Their clients authenticate with headers (bearer tokens,
 * Stack's `x-stack-*`/`x-hexclave-*`), so any origin may call them — without credentials. Origins
 * listed in `CORS_ORIGINS` are reflected with `Access-Control-Allow-Credentials: true`, for SDKs
 * that always send `credentials: "include"` (Replyke's); never `*` with credentials.
 */
const BASE_ALLOWED_HEADERS = ["authorization", "content-type", "x-request-id", "x-api-key"];

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

const ALLOWED_HEADERS = [
  ...BASE_ALLOWED_HEADERS,
  ...STACK_HEADER_SUFFIXES.flatMap((suffix) => [`x-stack-${suffix}`, `x-hexclave-${suffix}`]),
  "ngrok-skip-browser-warning",
].join(", ");

const EXPOSED_HEADERS = [
  "x-request-id",
  "retry-after",
  "x-stack-known-error",
  "x-hexclave-known-error",
  "x-stack-actual-status",
  "x-hexclave-actual-status",
].join(", ");

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

export function corsHeaders(methods: readonly string[], request?: Request): Record<string, string> {
  return {
    ...originHeaders(request),
    "access-control-allow-methods": [...methods, "OPTIONS"].join(", "),
    "access-control-allow-headers": ALLOWED_HEADERS,
    "access-control-expose-headers": EXPOSED_HEADERS,
    "access-control-max-age": "600",
  };
}

/** Adds the CORS headers to a response (in place). */
export function withCors(response: Response, methods: readonly string[], request?: Request): Response {
  for (const [name, value] of Object.entries(corsHeaders(methods, request))) {
    if (name === "vary") response.headers.append(name, value);
    else response.headers.set(name, value);
  }
  return response;
}
