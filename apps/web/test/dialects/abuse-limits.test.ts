import { appError } from "@profilehub/api";
import { describe, expect, it } from "vitest";

import * as signup from "@/app/api/auth/signup/route";
import * as token from "@/app/api/auth/token/route";
import * as trpc from "@/app/api/trpc/[trpc]/route";
import { authUserDoor } from "@/dialects/a-auth-user/door";
import { projectUserDoor } from "@/dialects/b-project-users/door";
import { formJsonDoor } from "@/dialects/c-form-json/door";
import { currentUserDoor } from "@/dialects/d-current-user/door";
import { usersByIdDoor } from "@/dialects/e-users-by-id/door";
import { defineRoute, type DoorAdapter } from "@/server/http/define-route";
import { nativeDoor } from "@/server/native/native-door";
import { requestStorage } from "@/server/ops/request-context";

import { bearer, call, useDialectApp } from "./helpers/dialect-app";

const rule = (limit: number) => ({ limit, windowSeconds: 900 });
const app = useDialectApp({
  abuseLimits: {
    signInPerAccountIp: rule(2),
    signInPerIp: rule(50),
    signInPerAccount: rule(100),
    signUpPerIp: rule(3),
    currentPasswordPerAccount: rule(2),
  },
});
const PASSWORD = "correct horse battery";

/** As the HTTP server serves a request from `ip` (it records the socket's or trusted proxy's address). */
function from<T>(ip: string, run: () => Promise<T>): Promise<T> {
  return requestStorage().run({ id: `test-${ip}`, clientIp: ip }, run);
}

const grant = (email: string, password: string) => ({ grant_type: "password", email, password });

function expectRetryAfter(headers: Headers, atLeast: number, atMost: number) {
  const value = headers.get("retry-after");
  expect(value).toMatch(/^\d+$/);
  expect(Number(value)).toBeGreaterThanOrEqual(atLeast);
  expect(Number(value)).toBeLessThanOrEqual(atMost);
}

describe("abuse limits at the doors", () => {
  it("the native token endpoint: 429 with Retry-After for one address, 200 for the right password from another", async () => {
    await from("198.51.100.1", () =>
      call(signup, "POST", "/api/auth/signup", { body: { email: "v@example.com", password: PASSWORD } }),
    );
    for (const guess of ["a", "b"]) {
      const wrong = await from("198.51.100.66", () =>
        call(token, "POST", "/api/auth/token", { body: grant("v@example.com", guess) }),
      );
      expect(wrong.status).toBe(401);
    }
    // A forged X-Forwarded-For changes nothing: the address is the server's to determine.
    const refused = await from("198.51.100.66", () =>
      call(token, "POST", "/api/auth/token", {
        body: grant("v@example.com", PASSWORD),
        headers: { "x-forwarded-for": "203.0.113.99" },
      }),
    );
    expect(refused.status).toBe(429);
    expectRetryAfter(refused.headers, 880, 900);
    expect(refused.json).toEqual({
      error: {
        code: "rate_limited",
        message: expect.stringMatching(/^Too many attempts; try again in \d+/),
        issues: [],
      },
    });
    const victim = await from("203.0.113.5", () =>
      call(token, "POST", "/api/auth/token", { body: grant("v@example.com", PASSWORD) }),
    );
    expect(victim.status).toBe(200);
  });

  it("sign-ups per address, on the native endpoint and the typed API", async () => {
    for (let index = 0; index < 3; index += 1) {
      const created = await from("198.51.100.2", () =>
        call(signup, "POST", "/api/auth/signup", { body: { email: `s${index}@example.com`, password: PASSWORD } }),
      );
      expect(created.status).toBe(201);
    }
    const refused = await from("198.51.100.2", () =>
      call(signup, "POST", "/api/auth/signup", { body: { email: "s3@example.com", password: PASSWORD } }),
    );
    expect([refused.status, refused.json.error.code]).toEqual([429, "rate_limited"]);
    expectRetryAfter(refused.headers, 880, 900);
    const viaTrpc = await from("198.51.100.2", () =>
      trpc.POST(
        new Request("http://localhost/api/trpc/auth.signUp", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ email: "s4@example.com", password: PASSWORD }),
        }),
      ),
    );
    expect(viaTrpc.status).toBe(429);
    expectRetryAfter(viaTrpc.headers, 880, 900);
    const body = (await viaTrpc.json()) as {
      error: { data: { reason: string; params: { retryAfterSeconds: number } } };
    };
    expect(body.error.data.reason).toBe("rate_limited");
    expect(String(body.error.data.params.retryAfterSeconds)).toBe(viaTrpc.headers.get("retry-after"));
  });

  it("wrong currentPassword guesses through me.update: 429 with Retry-After on the typed API", async () => {
    const user = await app.signUp({ password: PASSWORD });
    const update = (currentPassword: string) =>
      trpc.POST(
        new Request("http://localhost/api/trpc/me.update", {
          method: "POST",
          headers: { "content-type": "application/json", ...bearer(user.accessToken) },
          body: JSON.stringify({ password: "a brand new password", currentPassword }),
        }),
      );
    expect((await update("guess 1")).status).toBe(400);
    expect((await update("guess 2")).status).toBe(400);
    const refused = await update(PASSWORD);
    expect(refused.status).toBe(429);
    expectRetryAfter(refused.headers, 880, 900);
  });

  it("every door renders a limit's refusal in its documented shape, with Retry-After", async () => {
    const doors: [DoorAdapter, (json: any) => unknown][] = [
      [nativeDoor("auth"), (json) => json.error.code === "rate_limited"],
      [authUserDoor, (json) => json.success === false && json.errno === -100007],
      [projectUserDoor, (json) => json.code === "user/rate-limited"],
      [formJsonDoor, (json) => json.code === 429 && json.status === "error" && /Too many attempts/.test(json.message)],
      // Stack's SDK has no known error for it: a plain StatusError (text), which the SDK retries after Retry-After.
      [currentUserDoor, (text) => typeof text === "string" && /Too many attempts/.test(text)],
      [usersByIdDoor, (json) => json.status === "error" && /Too many attempts/.test(json.message)],
    ];
    for (const [door, documented] of doors) {
      const route = defineRoute(door, () => Promise.reject(appError("rate_limited", { retryAfterSeconds: 42 })));
      const response = await route(new Request("http://localhost/x"), { params: Promise.resolve({}) });
      expect([door.door, response.status, response.headers.get("retry-after")]).toEqual([door.door, 429, "42"]);
      const text = await response.text();
      const body = response.headers.get("content-type")?.startsWith("text/plain") ? text : JSON.parse(text);
      expect(documented(body), door.door).toBe(true);
    }
  });
});
