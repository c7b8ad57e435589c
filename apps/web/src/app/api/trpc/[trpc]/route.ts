import { appError, appRouter, bearerToken, createRequestContext, withDatabaseUnavailable } from "@profilehub/api";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";

import { clientInfoOf, requestIdOf } from "@/server/http/request-info";
import { checkClientApiVersion, typedApiPreflight, withTypedApiHeaders } from "@/server/http/typed-api";
import { getLogger } from "@/server/ops/logger";
import { noteRequest } from "@/server/ops/request-context";
import { getRuntime } from "@/server/runtime";
import { cappedRequest } from "@/server/trpc/capped-request";
import { retryAfterHeader, trpcUnavailable } from "@/server/trpc/unavailable";
import { isSecureRequest, readSessionCookie } from "@/server/web-session/cookie";
import { cookieWriter } from "@/server/web-session/cookie-writer";
import { passesCsrfCheck } from "@/server/web-session/csrf";

/**
 * The native typed API. Apps send `Authorization: Bearer <token>` (and `x-api-key` for server
 * access); the settings app's pages send the session cookie plus the CSRF header, and may sign in
 * or out (the router then sets the httpOnly cookie on the response).
 */
async function handler(request: Request): Promise<Response> {
  noteRequest({ door: "trpc" });
  const runtime = await getRuntime().catch((err: unknown) => {
    getLogger().error({ err }, "service unavailable");
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
      checkClientApiVersion(request);
      if (cookie && !fromPage) throw appError("csrf_failed");
      const door = cookie || fromPage ? "web" : "trpc";
      const ctx = await createRequestContext(runtime.services, {
        accessToken,
        webSessionCookie: cookie,
        serverKey: request.headers.get("x-api-key"),
        door,
        requestId: requestIdOf(request),
        client: clientInfoOf(request),
        sessionCookie: fromPage ? cookieWriter(resHeaders, isSecureRequest(appUrl)) : null,
      }).catch((error: unknown) => {
        throw withDatabaseUnavailable(error); // the session cookie is checked against the database
      });
      noteRequest({ door, userId: ctx.session?.userId });
      return ctx;
    },
    responseMeta: retryAfterHeader,
    onError: ({ error, path }) => {
      if (error.code === "INTERNAL_SERVER_ERROR")
        getLogger().error(
          { reqId: requestIdOf(request), procedure: path, err: error.cause ?? error },
          "request failed",
        );
    },
  });
}

const typedApi = async (request: Request) => {
  const capped = await cappedRequest(request);
  return withTypedApiHeaders(capped instanceof Response ? capped : await handler(capped));
};

export { typedApi as GET, typedApi as POST, typedApiPreflight as OPTIONS };
