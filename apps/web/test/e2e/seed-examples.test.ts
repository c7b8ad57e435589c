import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { launchBrowser } from "./browser";
import { http, type RunningServer, startServer } from "./running-server";

/** Each seed document's own examples, sent over HTTP to `npm start`, as a client of that API would. */
describe("the seed documents' examples against a running server", () => {
  let server: RunningServer;
  let call: ReturnType<typeof http>;
  let user: { id: string; number: number; email: string };
  let token: string;
  beforeAll(async () => {
    server = await startServer();
    call = http(server.baseUrl);
    const signup = await call("POST", "/api/auth/signup", {
      body: { email: "user@example.com", password: "correct horse" },
    });
    ({ user, accessToken: token } = signup.json as { user: typeof user; accessToken: string });
  }, 300_000);
  afterAll(() => server?.stop());

  it("A (seed 000): Update User Metadata and the curl example", async () => {
    const python = await call("PUT", "/api/v3/auth/user", {
      token,
      body: { data: { name: "John Doe", company: "Acme Corp" } },
    });
    expect(python.status).toBe(200);
    expect(python.json).toMatchObject({
      success: true,
      errno: 0,
      error: null,
      data: {
        userMetadata: { name: "John Doe", company: "Acme Corp" },
        appMetadata: { provider: "email" },
        phone: null,
      },
    });
    const curl = await call("PUT", "/api/v3/auth/user", { token, body: '{"data": {"name": "John Doe"}}' });
    expect(curl.json.data.userMetadata).toEqual({ name: "John Doe", company: "Acme Corp" });
    const weak = await call("PUT", "/api/v3/auth/user", { token, body: { password: "12345" } });
    expect([weak.status, weak.json]).toEqual([
      400,
      { data: null, success: false, errno: -100004, error: "Password must be at least 6 characters" },
    ]);
  });

  it("B (seed 001): PATCH at the site root, and its preflight", async () => {
    const example = await call("PATCH", `/default/users/${user.id}`, {
      token,
      body: {
        update: {
          username: "new_username",
          location: { longitude: -118.25, latitude: 34.05 },
          metadata: { theme: "dark" },
        },
      },
    });
    expect(example.status).toBe(200);
    expect(example.json).toMatchObject({
      id: user.id,
      username: "new_username",
      location: { type: "Point", coordinates: [-118.25, 34.05] },
      metadata: { theme: "dark" },
      suspensions: [],
    });
    const printed = await call("PATCH", `/default/users/${user.id}`, {
      token,
      body: { update: { location: { longitude: 34.05, latitude: -118.25 } } },
    });
    expect([printed.status, printed.json.code]).toEqual([400, "user/invalid-data"]);
    const missing = await call("PATCH", `/default/users/${user.id}`, { token, body: {} });
    expect([missing.status, missing.json]).toEqual([
      400,
      { error: "Missing required data", code: "user/missing-data" },
    ]);
    const preflight = await call("OPTIONS", `/default/users/${user.id}`, {
      headers: { origin: "https://app.example.com", "access-control-request-method": "PATCH" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-methods")).toContain("PATCH");
  });

  it("C (seed 002): the form-urlencoded curl example with a bare token", async () => {
    const response = await fetch(`${server.baseUrl}/api/user/update`, {
      method: "PUT",
      headers: { authorization: token, "content-type": "application/x-www-form-urlencoded" },
      body: 'json={"name":"John","surname":"Doe","email":"user@example.com","description":"Senior developer"}',
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      code: 200,
      status: "success",
      user: { sub: user.number, email: "user@example.com" },
      changes: { name: "John", surname: "Doe", description: "Senior developer" },
    });
  });

  it("D (seed 003): PATCH /api/v1/users/me with Stack Auth headers", async () => {
    const headers = { "x-stack-project-id": "default", "x-stack-access-type": "client", "x-stack-access-token": token };
    const response = await call("PATCH", "/api/v1/users/me", {
      headers,
      body: { display_name: "John Doe", client_metadata: { a: 1 } },
    });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({
      id: user.id,
      display_name: "John Doe",
      client_metadata: { a: 1 },
      signed_up_at_millis: expect.any(Number),
    });
    expect(response.json).not.toHaveProperty("server_metadata");
    const forbidden = await call("PATCH", "/api/v1/users/me", { headers, body: { server_metadata: { x: 1 } } });
    expect([forbidden.status, forbidden.json.code, forbidden.headers.get("x-stack-known-error")]).toEqual([
      400,
      "SCHEMA_ERROR",
      "SCHEMA_ERROR",
    ]);
  });

  it("E (seed 004): PUT /users/{id} and its documented errors", async () => {
    const response = await call("PUT", `/users/${user.number}`, {
      token,
      body: {
        user: {
          first_name: "John",
          last_name: "Doe",
          feature_flags: ["affiliate"],
          notifications: ["email_new_transaction", "push_new_transaction"],
          locale: "en",
          expo_push_token: "ExponentPushToken[xxxxxxxxxxxxxxxxxxxxxx]",
        },
      },
    });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({
      status: "success",
      message: "User updated successfully",
      data: { id: user.number, first_name: "John", last_name: "Doe", roles: [], status: "active", locale: "en" },
    });
    const short = await call("PUT", `/users/${user.number}`, { token, body: { user: { password: "short" } } });
    expect([short.status, short.json.errors]).toEqual([
      422,
      [{ path: "password", message: "Password is too short (minimum is 8 characters)" }],
    ]);
    const other = await call("PUT", `/users/${user.number + 1000}`, { token, body: { user: { first_name: "X" } } });
    expect(other.status).toBe(404);
    const wrongMethod = await call("DELETE", `/users/${user.number}`, { token });
    expect([wrongMethod.status, wrongMethod.json.status]).toEqual([405, "error"]);
  });

  it("serves a valid OpenAPI 3.1 document and renders it at /docs in a real browser", async () => {
    const document = await call("GET", "/api/openapi.json");
    const validator = new Validator();
    expect((await validator.validate(document.json)).valid).toBe(true);
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const requested: string[] = [];
      page.on("request", (request) => requested.push(request.url()));
      await page.goto(`${server.baseUrl}/docs`);
      await page.getByText("Update User").first().waitFor({ timeout: 30_000 });
      await page.getByText("E — users by id (seed 004)").first().waitFor({ timeout: 10_000 });
      expect(requested.filter((url) => !url.startsWith(server.baseUrl) && !url.startsWith("data:"))).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
