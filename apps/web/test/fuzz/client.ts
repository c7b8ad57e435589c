import { Agent, request } from "node:http";

import { type Body, serialize } from "./arbitraries";

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

const agent = new Agent({ keepAlive: true, maxSockets: 8 });

/** One raw request (any method, any path, any bytes): node:http, since fetch refuses TRACE. */
export function send(
  baseUrl: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body: Body,
): Promise<Answer> {
  const url = new URL(baseUrl);
  const payload = body.kind === "json" ? serialize(body.value) : body.kind === "raw" ? body.text : undefined;
  const contentType = body.kind === "json" ? "application/json" : body.kind === "raw" ? body.contentType : "";
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path,
        method,
        agent,
        headers: {
          ...(contentType ? { "content-type": contentType } : {}),
          // Framed even on GET (node:http sends a GET's body unframed otherwise).
          ...(payload === undefined ? {} : { "content-length": String(Buffer.byteLength(payload)) }),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString() }),
        );
        res.on("error", reject);
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error(`${method} ${path}: no answer in 30 s`)));
    req.on("error", (error: NodeJS.ErrnoException) => {
      // The server may answer (413) and close before reading a huge body: that is an answer.
      if (error.code === "EPIPE" || error.code === "ECONNRESET") resolve({ status: -1, headers: {}, text: "" });
      else reject(error);
    });
    req.end(payload);
  });
}

export function closeClient(): void {
  agent.destroy();
}
