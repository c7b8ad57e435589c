import { appError, appRouter, bearerToken, createRequestContext, withDatabaseUnavailable } from "@profilehub/api";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { clientInfoOf, requestIdOf } from "@/server/http/request-info";
import { getRuntime } from "@/server/runtime";
import { retryAfterWhenUnavailable, trpcUnavailable } from "@/server/trpc/unavailable";
import { isSecureRequest, readSessionCookie } from "@/server/web-session/cookie";
import { cookieWriter } from "@/server/web-session/cookie-writer";
import { passesCsrfCheck } from "@/server/web-session/csrf";

/**
 * The native typed API. Apps send `Authorization: Bearer <token>` (and `x-api-key` for server
 * access); the settings app's pages send the session cookie plus the CSRF header, and may sign in
 * or out (the router then sets the httpOnly cookie on the response).
 */
async function handler(request: Request): Promise<Response> {
  const runtime = await getRuntime().catch((error: unknown) => {
    console.error("[trpc] service unavailable:", error instanceof Error ? error.message : error);
    return null;
  });
  if (!runtime) return trpcUnavailable();
  const { appUrl } = runtime.services.config;
  const accessToken = bearerToken(request.headers.get("authorization"));
  const fromPage = passesCsrfCheck(request, appUrl);
  const cookie = accessToken ? null : readSessionCookie(request);
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: async ({ resHeaders }) => {
      if (cookie && !fromPage)
        throw appError("csrf_failed", "Cookie-authenticated calls must come from the app's pages");
      return createRequestContext(runtime.services, {
        accessToken,
        webSessionCookie: cookie,
        serverKey: request.headers.get("x-api-key"),
        door: cookie || fromPage ? "web" : "trpc",
        requestId: requestIdOf(request),
        client: clientInfoOf(request),
        sessionCookie: fromPage ? cookieWriter(resHeaders, isSecureRequest(request, appUrl)) : null,
      }).catch((error: unknown) => {
        throw withDatabaseUnavailable(error); // the session cookie is checked against the database
      });
    },
    responseMeta: retryAfterWhenUnavailable,
    onError: ({ error, path }) => {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`[trpc ${path ?? "?"}]`, error.cause ?? error);
    },
  });
}

export { handler as GET, handler as POST };
