import { readFileSync } from "node:fs";
import path from "node:path";
import {
  startSmtpServer,
  startWebhookReceiver,
  type TestSmtpServer,
  type WebhookReceiver,
} from "@profilehub/api/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { metricValue } from "./prometheus";
import { http, type RunningServer, startServer } from "./running-server";

const METRICS_TOKEN = "metrics-token-for-the-operations-test-0123456789";
const WEBHOOK_SECRET = "webhook-secret-for-the-operations-test";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** `npm start` as an operator sees it: probes, request ids, the access log and metrics. */
describe("operating a running server", () => {
  let server: RunningServer;
  let smtp: TestSmtpServer;
  let webhook: WebhookReceiver;
  let call: ReturnType<typeof http>;
  let serverKey: string;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    webhook = await startWebhookReceiver(WEBHOOK_SECRET);
    server = await startServer({ SMTP_URL: smtp.url, METRICS_TOKEN, SIGN_IN_LIMIT_PER_ACCOUNT_IP: "2" });
    call = http(server.baseUrl);
    const secrets = JSON.parse(readFileSync(path.join(server.dataDir, "secrets.json"), "utf8")) as Record<
      string,
      string
    >;
    serverKey = secrets.serverApiKey!;
  }, 300_000);
  afterAll(async () => {
    await server?.stop();
    await webhook?.close();
    await smtp?.close();
  });

  /** The log lines of one request (written once its response has gone out, so wait a little). */
  async function linesOf(reqId: string) {
    for (const deadline = Date.now() + 5000; ;) {
      const lines = server.logLines().filter((line) => line.reqId === reqId);
      if (lines.length > 0 || Date.now() > deadline) return lines;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it("answers /api/health and /api/ready without credentials, and without secrets", async () => {
    const health = await call("GET", "/api/health");
    expect([health.status, health.json]).toEqual([200, { status: "ok" }]);
    const ready = await call("GET", "/api/ready");
    expect(ready.status).toBe(200);
    expect(ready.json).toEqual({
      status: "ok",
      checks: {
        server: { status: "ok" },
        database: { status: "ok" },
        migrations: { status: "ok" },
        outbox: { status: "ok" },
      },
    });
    expect(ready.headers.get("cache-control")).toBe("no-store");
  });

  it("gives every response an x-request-id: pages, 404s, 405s, preflights, assets and undecodable paths", async () => {
    const page = await call("GET", "/sign-in");
    const asset = /\/_next\/static\/[^"']+\.js/.exec(page.text)?.[0];
    expect(asset).toBeDefined();
    const answers = {
      page,
      asset: await call("GET", asset!),
      notFound: await call("GET", "/no/such/page"),
      notAllowed: await call("DELETE", "/api/v3/auth/user"),
      preflight: await call("OPTIONS", "/api/v1/users/me"),
      badPath: await call("GET", "/users/1%ff"),
      badTrpcPath: await call("GET", "/api/trpc/me.get%"),
    };
    expect(Object.values(answers).map((answer) => answer.status)).toEqual([200, 200, 404, 405, 204, 400, 400]);
    for (const answer of Object.values(answers)) expect(answer.headers.get("x-request-id")).toMatch(UUID);
    expect(answers.badPath.json).toEqual({
      error: { code: "invalid_path", message: "The request path is not valid percent-encoding", issues: [] },
    });
    // Undecodable paths are logged like any request (they used to vanish as a plain-text 500).
    const logged = await linesOf(answers.badTrpcPath.headers.get("x-request-id")!);
    expect(logged).toMatchObject([{ method: "GET", route: "/api/trpc/[trpc]", status: 400, msg: "request" }]);
  });

  it("keeps a caller's request id when it is a plain token of at most 64 characters, else makes one", async () => {
    const kept = await call("GET", "/api/health", { headers: { "x-request-id": "trace-1.a_B" } });
    expect(kept.headers.get("x-request-id")).toBe("trace-1.a_B");
    for (const insane of ["has space", "x".repeat(65), "semi;colon", "<script>"]) {
      const replaced = await call("GET", "/api/health", { headers: { "x-request-id": insane } });
      expect(replaced.headers.get("x-request-id")).toMatch(UUID);
    }
  });

  it("logs one JSON line per request with the route pattern, door, status, time and user, never the raw path", async () => {
    const signup = await call("POST", "/api/auth/signup", {
      body: { email: "logged@example.com", password: "correct horse" },
      headers: { "x-request-id": "log-signup" },
    });
    const { user, accessToken } = signup.json as { user: { id: string; number: number }; accessToken: string };
    const update = await call("PUT", `/users/${user.number}`, {
      token: accessToken,
      body: { user: { first_name: "Logged" } },
      headers: { "x-request-id": "log-update-e" },
    });
    expect(update.status).toBe(200);
    await call("GET", `/default/users/${user.id}`, { token: accessToken, headers: { "x-request-id": "log-get-b" } });
    await call("GET", "/users/tok_SHOULD_NOT_BE_LOGGED", { headers: { "x-request-id": "log-odd-path" } });

    expect(await linesOf("log-signup")).toMatchObject([{ route: "/api/auth/signup", door: "auth", status: 201 }]);
    const [line] = await linesOf("log-update-e");
    expect(line).toMatchObject({
      level: "info",
      msg: "request",
      reqId: "log-update-e",
      method: "PUT",
      route: "/users/[id]",
      door: "dialect-e",
      status: 200,
      userId: user.id,
    });
    expect(typeof line!.ms).toBe("number");
    expect(new Date(line!.time as string).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(await linesOf("log-get-b")).toMatchObject([{ route: "/[projectId]/users/[userId]", door: "dialect-b" }]);
    const log = server.output();
    expect(log).not.toContain(`/default/users/${user.id}`);
    expect(log).not.toContain("tok_SHOULD_NOT_BE_LOGGED");
  });

  it("serves Prometheus metrics to the server key or METRICS_TOKEN only, and they move with the traffic", async () => {
    expect((await call("GET", "/api/metrics")).status).toBe(401);
    expect((await call("GET", "/api/metrics", { token: "not-the-metrics-token-0123456789abcdef" })).status).toBe(401);
    const before = (await call("GET", "/api/metrics", { token: METRICS_TOKEN })).text;

    // A sign-up (its verification mail goes out through SMTP) and an update through dialect A.
    const signup = await call("POST", "/api/auth/signup", {
      body: { email: "metered@example.com", password: "correct horse", projectId: "hooked" },
    });
    const { user, accessToken } = signup.json as { user: { id: string }; accessToken: string };
    await smtp.waitForMail((mail) => mail.to.includes("metered@example.com"));
    expect((await call("PUT", "/api/v3/auth/user", { token: accessToken, body: { data: { a: 1 } } })).status).toBe(200);
    // The project's webhook: one update approved, one rejected.
    const hook = await call("PUT", "/api/admin/projects/hooked", {
      headers: { "x-api-key": serverKey },
      body: { webhooks: { validateUserUpdated: { url: webhook.url, secret: WEBHOOK_SECRET } } },
    });
    expect(hook.status).toBe(200);
    webhook.mode = "accept";
    expect(
      (await call("PATCH", `/hooked/users/${user.id}`, { token: accessToken, body: { update: { name: "A" } } })).status,
    ).toBe(200);
    webhook.mode = "reject";
    expect(
      (await call("PATCH", `/hooked/users/${user.id}`, { token: accessToken, body: { update: { name: "B" } } })).status,
    ).toBe(400);
    // SIGN_IN_LIMIT_PER_ACCOUNT_IP=2: the third failed sign-in from this address is refused.
    const attempt = {
      grant_type: "password",
      email: "metered@example.com",
      password: "wrong password",
      projectId: "hooked",
    };
    for (let i = 0; i < 3; i += 1) await call("POST", "/api/auth/token", { body: attempt });

    const after = await call("GET", "/api/metrics", { headers: { "x-api-key": serverKey } });
    expect(after.status).toBe(200);
    expect(after.headers.get("content-type")).toContain("text/plain");
    const moved = (name: string, labels: Record<string, string>) =>
      metricValue(after.text, name, labels) - valueOrZero(before, name, labels);
    expect(moved("http_requests_total", { door: "dialect-a", method: "PUT", status: "200" })).toBe(1);
    expect(moved("http_requests_total", { door: "auth", method: "POST", status: "429" })).toBe(1);
    expect(moved("http_request_duration_seconds_count", { door: "dialect-b" })).toBe(2);
    expect(moved("profilehub_webhook_calls_total", { outcome: "valid" })).toBe(1);
    expect(moved("profilehub_webhook_calls_total", { outcome: "rejected" })).toBe(1);
    expect(moved("profilehub_rate_limit_refusals_total", { kind: "sign-in-account-ip" })).toBe(1);
    expect(moved("profilehub_outbox_deliveries_total", { outcome: "sent" })).toBeGreaterThanOrEqual(1);
    expect(metricValue(after.text, "profilehub_outbox_depth", { state: "failed" })).toBe(0);
    expect(metricValue(after.text, "profilehub_db_pool_connections", { state: "max" })).toBe(1); // PGlite
    expect(metricValue(after.text, "profilehub_db_pool_waiting")).toBe(0);
    expect(metricValue(after.text, "process_resident_memory_bytes")).toBeGreaterThan(10_000_000);
  });
});

/** Before the traffic, a labelled counter may not exist yet. */
function valueOrZero(text: string, name: string, labels: Record<string, string>): number {
  try {
    return metricValue(text, name, labels);
  } catch {
    return 0;
  }
}
