import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { http, type RunningServer, startServer } from "./running-server";

const PASSWORD = "correct horse battery";

/** The headers DESIGN §4 asks of every response (README, "Security headers"). */
function expectSecurityHeaders(headers: Headers, where: string) {
  expect(headers.get("x-frame-options"), where).toBe("DENY");
  expect(headers.get("x-content-type-options"), where).toBe("nosniff");
  expect(headers.get("referrer-policy"), where).toBe("strict-origin-when-cross-origin");
  expect(headers.get("permissions-policy"), where).toContain("geolocation=(self)");
  expect(headers.get("permissions-policy"), where).toContain("camera=()");
  const csp = headers.get("content-security-policy") ?? "";
  expect(csp, where).toContain("frame-ancestors 'none'");
  expect(csp.split(",").length, `${where}: one policy`).toBe(1);
}

/** A page's CSP: scripts only with this response's nonce, never 'unsafe-inline'. */
function pageNonce(headers: Headers, html: string, where: string): string {
  const csp = headers.get("content-security-policy") ?? "";
  const scripts = /script-src ([^;]*)/.exec(csp)?.[1] ?? "";
  expect(scripts, where).not.toContain("unsafe-inline");
  expect(scripts, where).not.toContain("unsafe-eval");
  expect(csp, where).toContain("img-src 'self' data: https:");
  const nonce = /'nonce-([^']+)'/.exec(scripts)?.[1];
  expect(nonce, where).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  // Every script of the page carries it (Next.js's own, the theme script).
  const tags = html.match(/<script\b[^>]*>/g) ?? [];
  expect(tags.length, where).toBeGreaterThan(0);
  for (const tag of tags) expect(tag, where).toContain(`nonce="${nonce}"`);
  return nonce!;
}

describe("security headers and client addresses (npm start)", () => {
  describe("without TRUST_PROXY", () => {
    let server: RunningServer;
    let call: ReturnType<typeof http>;
    beforeAll(async () => {
      server = await startServer({ SIGN_IN_LIMIT_PER_ACCOUNT_IP: "2" });
      call = http(server.baseUrl);
    }, 300_000);
    afterAll(() => server?.stop());

    it("sends the security headers on pages, API answers, 404s and assets; a fresh nonce per page", async () => {
      const nonces = new Set<string>();
      for (const path of ["/", "/sign-in", "/sign-up", "/no-such-page", "/docs"]) {
        const page = await call("GET", path);
        expect(page.headers.get("content-type"), path).toContain("text/html");
        expectSecurityHeaders(page.headers, path);
        nonces.add(pageNonce(page.headers, page.text, path));
      }
      expect(nonces.size).toBe(5);
      const notFound = await call("GET", "/no-such-page");
      expect(notFound.status).toBe(404);
      const settings = await call("GET", "/settings"); // signed out: redirected
      expectSecurityHeaders(settings.headers, "/settings");
      for (const [method, path] of [
        ["GET", "/api/health"],
        ["GET", "/api/openapi.json"],
        ["POST", "/api/auth/token"],
        ["GET", "/api/trpc/me.get"],
        ["GET", "/users/1"],
        ["PATCH", "/api/v1/users/me"],
        ["GET", "/api/no-such-route"],
        ["OPTIONS", "/api/v1/users/me"],
      ] as const) {
        const answer = await call(method, path);
        expectSecurityHeaders(answer.headers, `${method} ${path}`);
        expect(answer.headers.get("content-security-policy"), path).toContain("default-src 'none'");
      }
      const home = await call("GET", "/");
      const asset = /src="(\/_next\/static\/[^"]+\.js)"/.exec(home.text)?.[1];
      expect(asset).toBeDefined();
      expectSecurityHeaders((await call("GET", asset!)).headers, asset!);
      // Plain http: no HSTS.
      expect(home.headers.get("strict-transport-security")).toBeNull();
    });

    it("serves the signed-out forms with their submit button disabled until the page hydrates", async () => {
      // Pressed before hydration, the browser would submit the form itself: a GET with the
      // password in the address (and so in history and access logs).
      for (const path of ["/sign-in", "/sign-up", "/forgot-password", "/reset-password?token=x"]) {
        const page = await call("GET", path);
        const buttons = [...page.text.matchAll(/<button[^>]*type="submit"[^>]*>/g)].map((match) => match[0]);
        expect(buttons, path).toHaveLength(1);
        expect(buttons[0], path).toMatch(/\sdisabled(=""|\s|>)/);
        expect(page.text, path).toMatch(/<form[^>]*>/);
      }
    });

    it("ignores X-Forwarded-For and X-Forwarded-Proto from anyone", async () => {
      const forged = { "x-forwarded-for": "203.0.113.7", "x-forwarded-proto": "https" };
      const signup = await call("POST", "/api/auth/signup", {
        body: { email: "direct@example.com", password: PASSWORD },
        headers: forged,
      });
      expect(signup.status).toBe(201);
      expect(signup.headers.get("strict-transport-security")).toBeNull();
      const sessions = await call("GET", "/api/trpc/sessions.list", { token: signup.json.accessToken });
      expect(sessions.json.result.data.map((s: { ipAddress: string }) => s.ipAddress)).toEqual(["127.0.0.1"]);
      // A new forged address per try does not escape the per-address limit (2 failures).
      const tries = [];
      for (let index = 0; index < 4; index += 1) {
        const attempt = await call("POST", "/api/auth/token", {
          body: { grant_type: "password", email: "direct@example.com", password: `guess ${index}` },
          headers: { "x-forwarded-for": `198.51.100.${index}` },
        });
        tries.push(attempt.status);
        if (attempt.status === 429) expect(Number(attempt.headers.get("retry-after"))).toBeGreaterThan(800);
      }
      expect(tries).toEqual([401, 401, 429, 429]);
    });
  });

  describe("with TRUST_PROXY=1", () => {
    let server: RunningServer;
    let call: ReturnType<typeof http>;
    beforeAll(async () => {
      server = await startServer({ TRUST_PROXY: "1", SIGN_IN_LIMIT_PER_ACCOUNT_IP: "2" });
      call = http(server.baseUrl);
    }, 300_000);
    afterAll(() => server?.stop());

    it("takes the client address from the proxy's X-Forwarded-For entry, and HSTS from its X-Forwarded-Proto", async () => {
      // The client wrote 10.9.9.9 itself; the trusted proxy appended the address it saw.
      const signup = await call("POST", "/api/auth/signup", {
        body: { email: "proxied@example.com", password: PASSWORD },
        headers: { "x-forwarded-for": "10.9.9.9, 203.0.113.7", "x-forwarded-proto": "https" },
      });
      expect(signup.status).toBe(201);
      expect(signup.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
      const sessions = await call("GET", "/api/trpc/sessions.list", { token: signup.json.accessToken });
      expect(sessions.json.result.data.map((s: { ipAddress: string }) => s.ipAddress)).toEqual(["203.0.113.7"]);
      expect(
        (await call("GET", "/", { headers: { "x-forwarded-proto": "http" } })).headers.get("strict-transport-security"),
      ).toBeNull();
    });

    it("one address cannot lock a person out: the attacker gets 429 with Retry-After, the person still signs in", async () => {
      await call("POST", "/api/auth/signup", { body: { email: "victim@example.com", password: PASSWORD } });
      const attacker = { "x-forwarded-for": "198.51.100.66" };
      const statuses = [];
      let retryAfter: string | null = null;
      for (const password of ["guess 1", "guess 2", "guess 3", PASSWORD]) {
        const attempt = await call("POST", "/api/auth/token", {
          body: { grant_type: "password", email: "victim@example.com", password },
          headers: attacker,
        });
        statuses.push(attempt.status);
        retryAfter ??= attempt.headers.get("retry-after");
      }
      expect(statuses).toEqual([401, 401, 429, 429]);
      expect(Number(retryAfter)).toBeGreaterThan(800);
      const victim = await call("POST", "/api/auth/token", {
        body: { grant_type: "password", email: "victim@example.com", password: PASSWORD },
        headers: { "x-forwarded-for": "203.0.113.8" },
      });
      expect(victim.status).toBe(200);
    });
  });
});
