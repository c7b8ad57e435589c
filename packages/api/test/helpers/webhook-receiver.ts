import { createHmac } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export type ReceiverMode = "accept" | "reject" | "bad-signature" | "unsigned" | "slow" | "error-500";

export interface ReceivedHook {
  headers: IncomingHttpHeaders;
  body: string;
  json: {
    type: string;
    timestamp: number;
    data: {
      userId: string;
      projectId: string;
      door: string;
      changes: Record<string, unknown>;
      user: Record<string, unknown>;
    };
  };
  /** Whether `x-signature` is HMAC-SHA256(secret, `${x-timestamp}.${body}`). */
  signatureValid: boolean;
}

export interface WebhookReceiver {
  url: string;
  mode: ReceiverMode;
  received: ReceivedHook[];
  close(): Promise<void>;
}

const sign = (secret: string, payload: string) => createHmac("sha256", secret).update(payload).digest("hex");

/** A real HTTP receiver on loopback that answers `validateUserUpdated` as told. */
export async function startWebhookReceiver(secret: string, slowMs = 3000): Promise<WebhookReceiver> {
  const receiver: WebhookReceiver = { url: "", mode: "accept", received: [], close: async () => {} };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const timestamp = String(request.headers["x-timestamp"] ?? "");
      receiver.received.push({
        headers: request.headers,
        body,
        json: JSON.parse(body) as ReceivedHook["json"],
        signatureValid: request.headers["x-signature"] === sign(secret, `${timestamp}.${body}`),
      });
      const reply = (status: number, payload: unknown, signature?: string) => {
        const text = JSON.stringify(payload);
        response.writeHead(status, {
          "content-type": "application/json",
          ...(signature === undefined ? {} : { "x-response-signature": signature }),
        });
        response.end(text);
      };
      const verdict = (payload: unknown) => reply(200, payload, sign(secret, JSON.stringify(payload)));
      switch (receiver.mode) {
        case "accept":
          return verdict({ valid: true });
        case "reject":
          return verdict({ valid: false, error: "Usernames containing admin are reserved" });
        case "bad-signature":
          return reply(200, { valid: true }, sign("not-the-secret-at-all", JSON.stringify({ valid: true })));
        case "unsigned":
          return reply(200, { valid: true });
        case "error-500":
          return reply(500, { valid: true }, sign(secret, JSON.stringify({ valid: true })));
        case "slow":
          setTimeout(() => verdict({ valid: true }), slowMs);
          return;
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/validate`;
  receiver.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return receiver;
}
