import { describe, expect, it } from "vitest";

import { cappedRequest, TRPC_MAX_BODY_BYTES } from "@/server/trpc/capped-request";

const URL = "http://localhost/api/trpc/me.update";

/** A POST as a route handler gets it; `length` sets Content-Length (as Node's parser enforces it). */
function post(body: string, length?: number): Request {
  const headers = new Headers({ "content-type": "application/json" });
  if (length !== undefined) headers.set("content-length", String(length));
  return new Request(URL, { method: "POST", headers, body });
}

describe("the typed API's body cap", () => {
  it("passes a body declaring its length within the cap on as it is, for tRPC to read", async () => {
    const body = JSON.stringify({ bio: "x" });
    const request = post(body, Buffer.byteLength(body));
    const capped = await cappedRequest(request);
    expect(capped).toBe(request);
    expect(await (capped as Request).text()).toBe(body);
  });

  it("reads a body without a declared length (chunked) up to the cap, into a new request", async () => {
    const body = JSON.stringify({ bio: "chunked" });
    const request = post(body);
    const capped = await cappedRequest(request);
    expect(capped).not.toBe(request);
    expect(await (capped as Request).text()).toBe(body);
  });

  it("answers 413 in tRPC's shape for a body over the cap, declared or not", async () => {
    const huge = "x".repeat(TRPC_MAX_BODY_BYTES + 1);
    for (const request of [post(huge, huge.length), post(huge)]) {
      const answer = await cappedRequest(request);
      expect(answer).toBeInstanceOf(Response);
      expect((answer as Response).status).toBe(413);
      expect((await (answer as Response).json()).error.data.reason).toBe("payload_too_large");
    }
  });
});
