import { startWebhookReceiver } from "@profilehub/api/testing";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { createDocument } from "zod-openapi";

import * as formJson from "@/app/api/user/update/route";
import * as route from "@/app/users/[id]/route";
import { usersByIdPaths } from "@/dialects/e-users-by-id/openapi";

import { bearer, call, useDialectApp } from "../helpers/dialect-app";
import { CREATED_AT, invalid, path, usersById } from "./helpers";

const app = useDialectApp();

const { put, get, stored } = usersById(app);

describe("dialect E — GET, webhook, transport and OpenAPI (seed 004)", () => {
  it("GET /users/{id}: the same envelope", async () => {
    const user = await app.signUp();
    const response = await get(user.accessToken, user.number);
    expect(response.status).toBe(200);
    expect(response.json).toEqual({
      status: "success",
      message: "User retrieved successfully",
      data: {
        id: user.number,
        email: user.email,
        first_name: null,
        last_name: null,
        roles: [],
        feature_flags: [],
        notifications: [],
        status: "active",
        locale: "en",
        created_at: expect.stringMatching(CREATED_AT),
      },
    });
  });

  it("a pre-update webhook rejection is a 422 on base; nothing is written", async () => {
    const user = await app.signUp();
    const receiver = await startWebhookReceiver("a-webhook-secret-0123456789");
    try {
      await app.server().admin.upsertProject({
        projectId: "default",
        webhooks: { validateUserUpdated: { url: receiver.url, secret: "a-webhook-secret-0123456789" } },
      });
      receiver.mode = "reject";
      const response = await put(user.accessToken, user.number, { user: { first_name: "John" } });
      expect(response.status).toBe(422);
      expect(response.json).toEqual(invalid([{ path: "base", message: "Usernames containing admin are reserved" }]));
      expect(receiver.received[0]?.json.data).toMatchObject({
        door: "dialect-e",
        changes: { firstName: { from: null, to: "John" } },
      });
      expect((await stored(user.id)).firstName).toBeNull();
    } finally {
      await receiver.close();
    }
  });

  it("cross-dialect: E first_name/last_name/email ↔ C name/surname/email", async () => {
    const user = await app.signUp();
    const auth = { authorization: user.accessToken };
    await call(formJson, "PUT", "/api/user/update", {
      headers: auth,
      body: { json: JSON.stringify({ name: "Ada", surname: "Lovelace", email: "ada@example.com" }) },
    });
    const read = await get(user.accessToken, user.number);
    expect(read.json.data).toMatchObject({ first_name: "Ada", last_name: "Lovelace", email: "ada@example.com" });
    await put(user.accessToken, user.number, { user: { first_name: "Grace", last_name: "Hopper" } });
    const back = await call(formJson, "GET", "/api/user/update", { headers: auth });
    expect(back.json.changes).toMatchObject({ name: "Grace", surname: "Hopper", email: "ada@example.com" });
    expect(back.json.user.sub).toBe(read.json.data.id);
  });

  it("malformed JSON, wrong content types, oversized bodies and wrong methods: {status, message}", async () => {
    const user = await app.signUp();
    const headers = bearer(user.accessToken);
    const params = { id: String(user.number) };
    const at = path(user.number);
    const cases = [
      [await call(route, "PUT", at, { headers, params, body: '{"user": {', raw: true }), 400],
      [
        await call(route, "PUT", at, {
          headers: { ...headers, "content-type": "application/x-www-form-urlencoded" },
          params,
          body: "user[first_name]=John",
          raw: true,
        }),
        415,
      ],
      [
        await call(route, "PUT", at, {
          headers: { ...headers, "content-type": "text/plain" },
          params,
          body: "x",
          raw: true,
        }),
        415,
      ],
      [await put(user.accessToken, user.number, { user: { first_name: "x".repeat(300 * 1024) } }), 413],
      [await call(route, "POST", at, { headers, params, body: {} }), 405],
      [await call(route, "PATCH", at, { headers, params, body: { user: { first_name: "J" } } }), 405],
      [await call(route, "DELETE", at, { headers, params }), 405],
    ] as const;
    for (const [response, status] of cases) {
      expect(response.status).toBe(status);
      expect(response.json).toEqual({ status: "error", message: expect.any(String) });
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
    }
    expect(cases[0][0].json.message).toBe("Request body is not valid JSON");
    expect(cases[4][0].headers.get("allow")).toBe("GET, PUT, OPTIONS");
    expect((await stored(user.id)).firstName).toBeNull();
  });

  it("answers CORS preflights", async () => {
    const response = await call(route, "OPTIONS", path(1), {
      headers: { origin: "https://app.example.com", "access-control-request-method": "PUT" },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-allow-methods")).toContain("PUT");
    expect(response.headers.get("access-control-allow-headers")).toContain("authorization");
  });

  it("is described in OpenAPI 3.1 (path id, every documented status)", async () => {
    const document = createDocument({
      openapi: "3.1.0",
      info: { title: "E", version: "1" },
      components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
      paths: usersByIdPaths,
    });
    const result = await new Validator().validate(document as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    const operation = document.paths?.["/users/{id}"]?.put;
    expect(Object.keys(operation?.responses ?? {})).toEqual(expect.arrayContaining(["200", "401", "404", "422"]));
    expect(operation?.parameters).toEqual([expect.objectContaining({ name: "id", in: "path", required: true })]);
  });
});
