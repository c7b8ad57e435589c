import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type RunningServer, startServer } from "../e2e/running-server";
import { closeClient, send } from "./client";

const UUID = /^[0-9a-f-]{36}$/;

/** The answers the HTTP server gives before any route, each in the path's API shape (PGlite). */
describe("requests no route can take", () => {
  let server: RunningServer;
  const none = { kind: "none" as const };
  beforeAll(async () => {
    server = await startServer();
  }, 300_000);
  afterAll(async () => {
    closeClient();
    await server?.stop();
  });

  it("TRACE and other methods Next.js cannot serve: 405 with Allow, in each door's shape", async () => {
    // Stack's door answers a method it has no route for as its plain StatusError: text, no known-error code.
    const cases: [string, number, (body: any) => unknown][] = [
      ["/api/trpc/me.get", 405, (body) => [body.error.data.code, body.error.data.reason]],
      ["/api/v3/auth/user", 405, (body) => [body.success, body.errno]],
      ["/default/users/x", 405, (body) => body.code],
      ["/api/user/update", 405, (body) => [body.code, body.status]],
      ["/api/v1/users/me", 405, (body) => (typeof body === "string" ? body.split(";")[0] : body)],
      ["/users/1", 405, (body) => body.status],
      ["/api/auth/token", 405, (body) => body.error.code],
    ];
    const seen = [];
    for (const [path, status, pick] of cases) {
      const answer = await send(server.baseUrl, "TRACE", path, {}, none);
      expect(answer.status, path).toBe(status);
      expect(answer.headers["x-request-id"], path).toMatch(UUID);
      expect(answer.headers.allow, path).toMatch(/GET/);
      const text = String(answer.headers["content-type"] ?? "").startsWith("text/plain")
        ? answer.text
        : JSON.parse(answer.text);
      seen.push(pick(text));
    }
    expect(seen).toEqual([
      ["METHOD_NOT_SUPPORTED", "method_not_allowed"],
      [false, -100008],
      "request/method-not-allowed",
      [405, "error"],
      "Method TRACE is not allowed here",
      "error",
      "method_not_allowed",
    ]);
    expect((await send(server.baseUrl, "PROPFIND", "/api/v1/users/me", {}, none)).headers.allow).toBe(
      "GET, PATCH, DELETE, OPTIONS",
    );
  });

  it("an unknown path under an API prefix is that API's JSON 404; pages keep Next's HTML 404", async () => {
    const answers = await Promise.all(
      [
        "/api/nope",
        "/api/v1/nope",
        "/api/v3/auth/nope",
        "/api/trpc/a/b",
        "/default/users/x/y",
        "/users/1/x",
        "/nope",
      ].map((path) => send(server.baseUrl, "GET", path, {}, none)),
    );
    expect(answers.map((answer) => answer.status)).toEqual([404, 404, 404, 404, 404, 404, 404]);
    for (const answer of answers) expect(answer.headers["x-request-id"]).toMatch(UUID);
    const [native, d, a, trpc, b, e, page] = answers.map((answer) => answer.text);
    expect(JSON.parse(native!).error.code).toBe("route_not_found");
    expect(JSON.parse(d!).code).toBe("ROUTE_NOT_FOUND");
    expect(JSON.parse(a!)).toMatchObject({ success: false, errno: -100005 });
    expect(JSON.parse(trpc!).error.data.reason).toBe("route_not_found");
    expect(JSON.parse(b!).code).toBe("request/not-found");
    expect(JSON.parse(e!)).toMatchObject({ status: "error" });
    expect(page).toMatch(/<html/i);
  });

  it("the typed API refuses a body over 256 KB with 413 before parsing it", async () => {
    const huge = { kind: "raw" as const, text: `{"bio":"${"x".repeat(300 * 1024)}"}`, contentType: "application/json" };
    const answer = await send(server.baseUrl, "POST", "/api/trpc/me.update", {}, huge);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text).error.data).toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
      reason: "payload_too_large",
    });
  });

  it("a request the HTTP parser refuses is a JSON 400 with a request id", async () => {
    const raw = await new Promise<string>((resolve) => {
      const socket = connect(Number(new URL(server.baseUrl).port), "127.0.0.1", () =>
        socket.write("BREW /coffee HTTP/1.1\r\nHost: x\r\n\r\n"),
      );
      let text = "";
      socket.on("data", (chunk) => (text += chunk.toString()));
      socket.on("close", () => resolve(text));
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400/);
    expect(raw).toMatch(/x-request-id: [0-9a-f-]{36}/);
    expect(raw).toContain('"code":"bad_request"');
  });
});
