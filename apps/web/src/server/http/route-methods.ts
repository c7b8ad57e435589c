import { noteRequest } from "../ops/request-context";
import { routeCors } from "./cors";
import type { DoorAdapter, RouteHandler } from "./define-route";
import { errorInfoFromReason } from "./error-info";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export type RouteModule<P> = Record<HttpMethod | "OPTIONS", RouteHandler<P>>;

/**
 * Every method of a route: the given handlers, CORS on every answer, a preflight for OPTIONS,
 * and the door's own error shape (405) for the methods it does not serve.
 */
export function routeMethods<P>(
  door: DoorAdapter,
  handlers: Partial<Record<HttpMethod, RouteHandler<P>>>,
): RouteModule<P> {
  const allowed = Object.keys(handlers) as HttpMethod[];
  const cors = routeCors(door.door, allowed);
  const notAllowed: RouteHandler<P> = (request) => {
    noteRequest({ door: door.door });
    const error = errorInfoFromReason("method_not_allowed", { method: request.method, allowed });
    const response = door.errorResponse(error, request);
    response.headers.set("allow", [...allowed, "OPTIONS"].join(", "));
    return Promise.resolve(cors.apply(response, request));
  };
  const serve = (method: HttpMethod): RouteHandler<P> => {
    const handler = handlers[method];
    return handler ? async (request, context) => cors.apply(await handler(request, context), request) : notAllowed;
  };
  return {
    GET: serve("GET"),
    POST: serve("POST"),
    PUT: serve("PUT"),
    PATCH: serve("PATCH"),
    DELETE: serve("DELETE"),
    OPTIONS: (request) => {
      noteRequest({ door: door.door });
      return Promise.resolve(new Response(null, { status: 204, headers: cors.headers(request) }));
    },
  };
}
