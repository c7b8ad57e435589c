import type { IncomingMessage, ServerResponse } from "node:http";

import type { Logger } from "../ops/logger";
import { observeRequest } from "../ops/metrics";
import { type RequestRecord, requestStorage } from "../ops/request-context";
import { acceptRequestId } from "../ops/request-id";
import type { MatchedRoute, RoutePatterns } from "../ops/route-patterns";
import { fillMissingHeaders } from "../security/fill-headers";
import { securityHeaders } from "../security/headers";
import { answerBeforeRoute, METHODS_NEXT_SERVES } from "./before-route";
import { clientAddress } from "./client-address";

export type NextHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export interface ListenerOptions {
  handle: NextHandler;
  routes: RoutePatterns;
  logger: Logger;
  /** True once the server is stopping: answers then close their connection. */
  draining(): boolean;
  /** `TRUST_PROXY`: how many proxy hops in front of the server may say who the client is. */
  trustProxy: number;
  /** APP_URL is https: the app is served over https whatever a request says (HSTS). */
  httpsAppUrl: boolean;
  /**
   * Answer unknown paths under an API prefix with that API's JSON 404 (default: yes). Off in
   * development, where routes compile on demand and the build's manifests may be stale.
   */
  apiNotFound?: boolean;
}

/** The path of a request target (`/a/b?c` or `http://host/a/b?c`), without the query. */
function pathOf(target: string): string {
  const path = target.split("?", 1)[0] ?? "/";
  if (path.startsWith("/")) return path;
  const afterScheme = path.indexOf("//");
  const slash = afterScheme >= 0 ? path.indexOf("/", afterScheme + 2) : -1;
  return slash >= 0 ? path.slice(slash) : "/";
}

function isDecodable(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * The doors' routes name their door while they run; otherwise: `page`, `asset`, `other` (a route
 * handler that is no door, or a request refused before reaching its route) or `none` (no route).
 */
const DEFAULT_DOORS: Record<MatchedRoute["kind"], string> = {
  page: "page",
  asset: "asset",
  handler: "other",
  none: "none",
};

/** Answers given by the server itself, before any route: the native error shape. */
type ServerErrorCode = "invalid_path" | "internal";

function sendJson(res: ServerResponse, status: number, code: ServerErrorCode, message: string): void {
  const body = JSON.stringify({ error: { code, message, issues: [] } });
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
  res.end(body);
}

/**
 * Every request, whatever answers it (a route, a page, Next's 404, an asset): an `x-request-id`
 * and the security headers on the response, the client's address for the routes (the socket's,
 * or a trusted proxy's `X-Forwarded-For`), one access-log line, the request metrics. The log names the route pattern,
 * never the raw path (it may carry ids or tokens), and no header, query or body.
 */
export function createRequestListener(options: ListenerOptions) {
  const storage = requestStorage();
  let inFlight = 0;

  function listener(req: IncomingMessage, res: ServerResponse): void {
    const started = process.hrtime.bigint();
    const client = clientAddress(req, options.trustProxy);
    const record: RequestRecord = {
      id: acceptRequestId(req.headers["x-request-id"]),
      clientIp: client.ip,
      https: client.https || options.httpsAppUrl,
    };
    req.headers["x-request-id"] = record.id; // what the routes read, e.g. into audit rows
    res.setHeader("x-request-id", record.id);
    fillMissingHeaders(res, securityHeaders({ https: record.https === true }));
    if (options.draining()) res.setHeader("connection", "close");
    const path = pathOf(req.url ?? "/");
    inFlight += 1;
    res.once("close", () => {
      inFlight -= 1;
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const status = res.statusCode;
      const matched = options.routes.match(path);
      // Files of public/ are served without a route of their own.
      const route = matched.kind === "none" && status < 400 ? "(public file)" : matched.pattern;
      const door = record.door ?? DEFAULT_DOORS[matched.kind];
      observeRequest(door, req.method ?? "GET", status, ms / 1000);
      const line = {
        reqId: record.id,
        method: req.method,
        route,
        door,
        status,
        ms: Math.round(ms * 10) / 10,
        ...(record.userId ? { userId: record.userId } : {}),
        ...(res.writableFinished ? {} : { aborted: true }),
      };
      if (status >= 500) options.logger.error(line, "request");
      else options.logger.info(line, "request");
    });
    if (!isDecodable(path)) {
      sendJson(res, 400, "invalid_path", "The request path is not valid percent-encoding");
      return;
    }
    // Methods Next.js cannot serve (TRACE, PROPFIND, …): the path's API answers 405 with `Allow`.
    if (!METHODS_NEXT_SERVES.has(req.method ?? "")) {
      record.door = answerBeforeRoute(req, res, path, "method_not_allowed") ?? undefined;
      return;
    }
    // An unknown path under an API prefix: that API's JSON 404, not Next's HTML page.
    if (options.apiNotFound !== false && options.routes.known && options.routes.match(path).kind === "none") {
      const door = answerBeforeRoute(req, res, path, "route_not_found");
      if (door) {
        record.door = door;
        return;
      }
    }
    storage.run(record, () => {
      options.handle(req, res).catch((err: unknown) => {
        options.logger.error({ reqId: record.id, err }, "request failed");
        if (!res.headersSent) sendJson(res, 500, "internal", "Internal server error");
        else res.destroy();
      });
    });
  }

  return Object.assign(listener, { inFlight: () => inFlight });
}
