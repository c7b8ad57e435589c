import { linkToken, useSmtpServer } from "@profilehub/api/testing";
import { describe, expect, it } from "vitest";

import * as route from "@/app/api/v3/auth/user/route";

import { bearer, call, useDialectApp } from "./helpers/dialect-app";

const app = useDialectApp();
const smtp = useSmtpServer(app);

const PATH = "/api/v3/auth/user";
const put = (token: string, body: unknown) => call(route, "PUT", PATH, { headers: bearer(token), body });
const ENVELOPE_KEYS = ["data", "errno", "error", "success"];
const USER_KEYS = ["appMetadata", "createdAt", "email", "emailConfirmedAt", "id", "phone", "updatedAt", "userMetadata"];

describe("dialect A — PUT /api/v3/auth/user (seed 000)", () => {
  it("Update User Metadata: the documented example request and response", async () => {
    const user = await app.signUp({ email: "user@example.com" });
    const response = await put(user.accessToken, { data: { name: "John Doe", company: "Acme Corp" } });
    expect(response.status).toBe(200);
    expect(Object.keys(response.json).sort()).toEqual(ENVELOPE_KEYS);
    expect(Object.keys(response.json.data).sort()).toEqual(USER_KEYS);
    expect(response.json).toEqual({
      data: {
        id: user.id,
        email: "user@example.com",
        emailConfirmedAt: null,
        phone: null,
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/),
        updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/),
        userMetadata: { name: "John Doe", company: "Acme Corp" },
        appMetadata: { provider: "email" },
      },
      success: true,
      errno: 0,
      error: null,
    });
  });

  it("merges data into user metadata (curl example), and null removes a key", async () => {
    const user = await app.signUp();
    await put(user.accessToken, { data: { name: "Jane", company: "Acme Corp", plan: "free" } });
    const curl = await put(user.accessToken, { data: { name: "John Doe" } });
    expect(curl.json.data.userMetadata).toEqual({ name: "John Doe", company: "Acme Corp", plan: "free" });
    const removed = await put(user.accessToken, { data: { plan: null } });
    expect(removed.json.data.userMetadata).toEqual({ name: "John Doe", company: "Acme Corp" });
  });

  it("Update Password: takes effect immediately and signs out the other sessions", async () => {
    const user = await app.signUp({ password: "old-password" });
    const other = await app
      .anonymous("auth")
      .auth.token({ grant_type: "password", email: user.email, password: "old-password" });
    const response = await put(user.accessToken, { password: "new-secure-password" });
    expect(response.status).toBe(200);
    expect(response.json.success).toBe(true);
    const signIn = await app
      .anonymous("auth")
      .auth.token({ grant_type: "password", email: user.email, password: "new-secure-password" });
    expect(signIn.user.id).toBe(user.id);
    const stale = await call(route, "GET", PATH, { headers: bearer(other.accessToken) });
    expect(stale.status).toBe(401);
    expect((await call(route, "GET", PATH, { headers: bearer(user.accessToken) })).status).toBe(200);
  });

  it("Example Error: a password under 6 characters", async () => {
    const user = await app.signUp();
    const response = await put(user.accessToken, { password: "12345" });
    expect(response.status).toBe(400);
    expect(response.json).toEqual({
      data: null,
      success: false,
      errno: -100004,
      error: "Password must be at least 6 characters",
    });
  });

  it("400 for an invalid email format", async () => {
    const user = await app.signUp();
    const response = await put(user.accessToken, { email: "not-an-email" });
    expect(response.status).toBe(400);
    expect(response.json).toEqual({ data: null, success: false, errno: -100004, error: "Invalid email format" });
  });

  it("Update Email: pending until the link mailed to the new address is opened", async () => {
    const user = await app.signUp({ email: "old@example.com" });
    const response = await put(user.accessToken, { email: "newemail@example.com" });
    expect(response.status).toBe(200);
    expect(response.json.data.email).toBe("old@example.com");
    const mail = await smtp.waitForMail((received) => received.to.includes("newemail@example.com"));
    await smtp.waitForMail(
      (received) => received.to.includes("old@example.com") && /being changed/.test(received.subject),
    );
    await app.anonymous("auth").auth.verifyEmail({ token: linkToken(mail) });
    const after = await call(route, "GET", PATH, { headers: bearer(user.accessToken) });
    expect(after.json.data).toMatchObject({ email: "newemail@example.com", emailConfirmedAt: expect.any(String) });
  });

  it("Update Email with EMAIL_CHANGE_CONFIRMATION=false: applied at once, unconfirmed", async () => {
    app.configure({ emailChangeConfirmation: false });
    try {
      const user = await app.signUp();
      const response = await put(user.accessToken, { email: "direct@example.com" });
      expect(response.json.data).toMatchObject({ email: "direct@example.com", emailConfirmedAt: null });
    } finally {
      app.configure({ emailChangeConfirmation: true });
    }
  });

  it("401 for a missing, invalid or revoked token, in the envelope", async () => {
    const user = await app.signUp();
    await (await user.as()).auth.signOut();
    for (const headers of [{}, bearer("eyJhbGciOiJIUzI1NiIs..."), bearer(user.accessToken)]) {
      const response = await call(route, "PUT", PATH, { headers, body: { data: { a: 1 } } });
      expect(response.status).toBe(401);
      expect(response.json).toEqual({
        data: null,
        success: false,
        errno: -100002,
        error: "Invalid or expired access token",
      });
    }
  });

  it("GET returns the user in the same envelope", async () => {
    const user = await app.signUp();
    const response = await call(route, "GET", PATH, { headers: bearer(user.accessToken) });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ success: true, errno: 0, error: null, data: { id: user.id } });
  });

  it("answers malformed JSON, wrong content types, oversized bodies, unknown fields and wrong methods in the envelope", async () => {
    const user = await app.signUp();
    const cases = [
      [await call(route, "PUT", PATH, { headers: bearer(user.accessToken), body: "{oops", raw: true }), 400],
      [
        await call(route, "PUT", PATH, {
          headers: { ...bearer(user.accessToken), "content-type": "text/plain" },
          body: "x",
          raw: true,
        }),
        415,
      ],
      [await put(user.accessToken, { data: { blob: "x".repeat(300 * 1024) } }), 413],
      [await put(user.accessToken, { nickname: "x" }), 400],
      [await put(user.accessToken, ["not", "an", "object"]), 400],
      [await call(route, "POST", PATH, { headers: bearer(user.accessToken), body: {} }), 405],
      [await call(route, "DELETE", PATH, { headers: bearer(user.accessToken) }), 405],
    ] as const;
    for (const [response, status] of cases) {
      expect(response.status).toBe(status);
      expect(response.json).toMatchObject({
        data: null,
        success: false,
        errno: expect.any(Number),
        error: expect.any(String),
      });
      expect(response.json.errno).toBeLessThan(0);
    }
    expect(cases[3][0].json.error).toBe("nickname: Unknown field");
  });

  it("answers CORS preflights", async () => {
    const response = await call(route, "OPTIONS", PATH, { headers: { origin: "https://app.example.com" } });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-allow-methods")).toContain("PUT");
    expect(response.headers.get("access-control-allow-headers")).toContain("authorization");
  });
});
