import { request } from "node:http";

/**
 * How one request ended, seen from the client: a complete response, a connection the server
 * never served (refused, or reset before a single byte of answer), or a response cut short.
 */
export type Outcome =
  | { kind: "complete"; status: number; json: any; startedAt: number; endedAt: number }
  | { kind: "not-served"; code: string; startedAt: number; endedAt: number }
  | { kind: "cut"; error: string; startedAt: number; endedAt: number };

const NOT_SERVED = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE"]);

/** One request on a connection of its own (`connection: close`), so a shutdown refuses new ones cleanly. */
export function send(
  baseUrl: string,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: unknown } = {},
): Promise<Outcome> {
  const url = new URL(path, baseUrl);
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  const startedAt = Date.now();
  return new Promise((resolve) => {
    let answered = false;
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method,
        agent: false,
        headers: {
          connection: "close",
          ...(body === undefined ? {} : { "content-type": "application/json" }),
          ...options.headers,
        },
      },
      (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("error", (error) => resolve({ kind: "cut", error: error.message, startedAt, endedAt: Date.now() }));
        res.on("end", () => {
          if (!res.complete) {
            resolve({ kind: "cut", error: "incomplete body", startedAt, endedAt: Date.now() });
            return;
          }
          const text = Buffer.concat(chunks).toString("utf8");
          try {
            const json: unknown = text ? JSON.parse(text) : null;
            resolve({ kind: "complete", status: res.statusCode ?? 0, json, startedAt, endedAt: Date.now() });
          } catch {
            resolve({ kind: "cut", error: `unreadable body: ${text.slice(0, 80)}`, startedAt, endedAt: Date.now() });
          }
        });
      },
    );
    req.on("error", (error: NodeJS.ErrnoException) => {
      if (answered) return;
      const code = error.code ?? "";
      resolve(
        NOT_SERVED.has(code)
          ? { kind: "not-served", code, startedAt, endedAt: Date.now() }
          : { kind: "cut", error: `${code} ${error.message}`, startedAt, endedAt: Date.now() },
      );
    });
    req.end(body);
  });
}
