import {
  API_VERSION,
  API_VERSION_HEADER,
  appError,
  clientVersionProblem,
  MIN_API_VERSION_HEADER,
  MIN_CLIENT_API_VERSION,
} from "@profilehub/api";

/**
 * CORS of the typed API: any origin may call it with a bearer token (never with cookies: no
 * credentials, and the settings app's CSRF header is not allowed, so another site's page cannot
 * make cookie calls), and may read the version headers.
 */
const CORS_HEADERS = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, POST, OPTIONS",
  "access-control-allow-headers": `authorization, content-type, trpc-accept, x-api-key, x-request-id, ${API_VERSION_HEADER}`,
  "access-control-expose-headers": `x-request-id, ${API_VERSION_HEADER}, ${MIN_API_VERSION_HEADER}`,
  "access-control-max-age": "600",
};

/** Refuses a typed client older than this server answers (`client_outdated`, HTTP 412). */
export function checkClientApiVersion(request: Request): void {
  const problem = clientVersionProblem(request.headers.get(API_VERSION_HEADER));
  if (problem) throw appError("client_outdated", { ...problem });
}

/** Every answer of `/api/trpc`: the server's API version, the oldest it answers, and CORS. */
export function withTypedApiHeaders(response: Response): Response {
  response.headers.set(API_VERSION_HEADER, String(API_VERSION));
  response.headers.set(MIN_API_VERSION_HEADER, String(MIN_CLIENT_API_VERSION));
  for (const [name, value] of Object.entries(CORS_HEADERS)) response.headers.set(name, value);
  return response;
}

/** `OPTIONS /api/trpc/…`: the CORS preflight. */
export function typedApiPreflight(): Promise<Response> {
  return Promise.resolve(withTypedApiHeaders(new Response(null, { status: 204 })));
}
