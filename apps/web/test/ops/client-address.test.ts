import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";

import { clientAddress } from "@/server/node-server/client-address";

/** A request as Node's HTTP server hands it over: the socket's address and the raw headers. */
const request = (remoteAddress: string, headers: Record<string, string | string[]> = {}) =>
  ({ socket: { remoteAddress }, headers }) as unknown as IncomingMessage;

describe("the client address (TRUST_PROXY)", () => {
  it("is the socket's without trusted proxies, whatever X-Forwarded-* say", () => {
    const forged = request("::ffff:192.0.2.1", { "x-forwarded-for": "203.0.113.7", "x-forwarded-proto": "https" });
    expect(clientAddress(forged, 0)).toEqual({ ip: "192.0.2.1", https: false });
    expect(clientAddress(request("2001:db8::1"), 0)).toEqual({ ip: "2001:db8::1", https: false });
  });

  it("is what the outermost trusted proxy saw: the N-th X-Forwarded-For entry from the right", () => {
    const chain = request("10.0.0.2", {
      "x-forwarded-for": ["6.6.6.6, 203.0.113.7", "10.0.0.1"],
      "x-forwarded-proto": "https, http",
    });
    expect(clientAddress(chain, 1)).toEqual({ ip: "10.0.0.1", https: false });
    expect(clientAddress(chain, 2)).toEqual({ ip: "203.0.113.7", https: true });
    // More hops configured than entries: the leftmost one.
    expect(clientAddress(chain, 5).ip).toBe("6.6.6.6");
  });

  it("falls back to the socket when the proxy sent nothing usable", () => {
    expect(clientAddress(request("10.0.0.2"), 1)).toEqual({ ip: "10.0.0.2", https: false });
    expect(clientAddress(request("10.0.0.2", { "x-forwarded-for": "not-an-ip" }), 1).ip).toBe("10.0.0.2");
    expect(clientAddress(request("10.0.0.2", { "x-forwarded-for": "::ffff:198.51.100.4" }), 1).ip).toBe("198.51.100.4");
  });
});
