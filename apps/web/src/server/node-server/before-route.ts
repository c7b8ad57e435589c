import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";

import { doorOfPath, errorBeforeRoute } from "../http/door-by-path";

/** The methods Next.js's route handlers accept; any other would fail inside Next (a plain-text 500). */
export const METHODS_NEXT_SERVES: ReadonlySet<string> = new Set([
  "GET",
  "HEAD",
  "OPTIONS",
  "POST",
  "PUT",
  "PATCH",
  "DELETE",
]);

/**
 * Answers a request no route can take — a method Next.js cannot serve (405 with `Allow`) or an
 * unknown path under an API prefix (404) — in the error shape of the API the path belongs to.
 * Returns the door that answered (for the access log), or null when the path is no API's (a
 * page path: Next's own 404 page answers).
 */
export function answerBeforeRoute(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  reason: "method_not_allowed" | "route_not_found",
): string | null {
  const door = doorOfPath(path);
  if (reason === "route_not_found" && !door.api) return null;
  const method = req.method ?? "";
  const error =
    reason === "method_not_allowed"
      ? errorBeforeRoute(405, reason, { method, allowed: door.allowed })
      : errorBeforeRoute(404, reason, { method, path });
  const request = new Request(`http://localhost${path}`, { headers: plainHeaders(req) });
  const response = door.render(error, request);
  if (reason === "method_not_allowed") response.headers.set("allow", door.allowed.join(", "));
  req.resume(); // the body is not read: drain it so the connection can be reused
  void response.text().then((body) => {
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(method === "HEAD" ? undefined : body);
  });
  return door.name === "native" ? "other" : door.name === "page" ? "none" : door.name;
}

function plainHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(name, value);
  }
  return headers;
}

/**
 * A request Node's HTTP parser refuses (an unknown method, a malformed request line or header):
 * a JSON 400 (431 for oversized headers) with an `x-request-id`, instead of a bare status line.
 */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const tooLarge = error.code === "HPE_HEADER_OVERFLOW";
  const [status, text] = tooLarge ? [431, "Request Header Fields Too Large"] : [400, "Bad Request"];
  const code = tooLarge ? "headers_too_large" : "bad_request";
  const body = JSON.stringify({ error: { code, message: "The HTTP request is malformed", issues: [] } });
  const head = [
    `HTTP/1.1 ${status} ${text}`,
    "content-type: application/json",
    `content-length: ${Buffer.byteLength(body)}`,
    `x-request-id: ${randomUUID()}`,
    "connection: close",
  ];
  socket.end(`${head.join("\r\n")}\r\n\r\n${body}`);
}
