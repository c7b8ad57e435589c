/** Browser clients call the REST doors with bearer tokens (never cookies), so any origin may. */
const ALLOWED_HEADERS = [
  "authorization",
  "content-type",
  "x-request-id",
  "x-api-key",
  "x-stack-project-id",
  "x-stack-access-type",
  "x-stack-access-token",
  "x-stack-refresh-token",
  "x-stack-secret-server-key",
  "x-stack-publishable-client-key",
].join(", ");

export function corsHeaders(methods: readonly string[]): Record<string, string> {
  return {
    "access-control-allow-origin": "*",
    "access-control-allow-methods": [...methods, "OPTIONS"].join(", "),
    "access-control-allow-headers": ALLOWED_HEADERS,
    "access-control-expose-headers": "x-request-id, x-stack-known-error, retry-after",
    "access-control-max-age": "600",
  };
}

/** Adds the CORS headers to a response (in place). */
export function withCors(response: Response, methods: readonly string[]): Response {
  for (const [name, value] of Object.entries(corsHeaders(methods))) response.headers.set(name, value);
  return response;
}
