import { startWebhookReceiver } from "@profilehub/api/testing";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { createDocument } from "zod-openapi";

import * as route from "@/app/api/user/update/route";
import { formJsonPaths } from "@/dialects/c-form-json/openapi";

import { call, useDialectApp } from "../helpers/dialect-app";
import { bare, error, FORM, formJson, JOHN, PATH } from "./helpers";

const app = useDialectApp();

const { putForm, putJson, get, stored } = formJson(app);

describe("dialect C — GET, webhook, transport and OpenAPI (seed 002)", () => {
  it("GET: the same envelope, changes holding every field's current value", async () => {
    const user = await app.signUp();
    const fresh = await get(user.accessToken);
    expect(fresh.status).toBe(200);
    expect(fresh.json).toEqual({
      code: 200,
      status: "success",
      user: { sub: user.number, email: user.email },
      changes: { name: null, surname: null, email: user.email, description: null },
    });
    await putForm(user.accessToken, { ...JOHN, email: user.email });
    const after = await get(user.accessToken);
    expect(after.json.changes).toEqual({ ...JOHN, email: user.email });
  });

  it("a pre-update webhook rejection is a 400 with its message; an unreachable one blocks the update", async () => {
    const user = await app.signUp();
    const receiver = await startWebhookReceiver("a-webhook-secret-0123456789");
    try {
      await app.server().admin.upsertProject({
        projectId: "default",
        webhooks: { validateUserUpdated: { url: receiver.url, secret: "a-webhook-secret-0123456789" } },
      });
      receiver.mode = "reject";
      const rejected = await putForm(user.accessToken, { ...JOHN, email: user.email });
      expect(rejected.json).toEqual(error(400, "Usernames containing admin are reserved"));
      expect(receiver.received[0]?.json.data).toMatchObject({
        door: "dialect-c",
        changes: { firstName: { from: null, to: "John" } },
      });
      receiver.mode = "error-500";
      const failed = await putForm(user.accessToken, { ...JOHN, email: user.email });
      expect(failed.status).toBeGreaterThanOrEqual(500);
      expect(failed.json).toMatchObject({ code: failed.status, status: "error", message: expect.any(String) });
      expect((await stored(user.id)).firstName).toBeNull();
    } finally {
      await receiver.close();
    }
  });

  it("malformed bodies, wrong content types, oversized bodies and wrong methods: {code, status, message}", async () => {
    const user = await app.signUp();
    const headers = bare(user.accessToken);
    const cases = [
      [
        await call(route, "PUT", PATH, { headers, body: "{oops", raw: true }),
        400,
        "The request body is not valid JSON.",
      ],
      [
        await call(route, "PUT", PATH, { headers: { ...headers, ...FORM }, body: "json=%7Boops", raw: true }),
        400,
        "The json field must be a valid JSON string holding an object of fields.",
      ],
      [
        await putJson(user.accessToken, { json: "[1,2]" }),
        400,
        "The json field must be a valid JSON string holding an object of fields.",
      ],
      [
        await putJson(user.accessToken, ["not", "an", "object"]),
        400,
        "The request body must be form fields or a JSON object.",
      ],
      [
        await call(route, "PUT", PATH, { headers: { ...headers, "content-type": "text/plain" }, body: "x", raw: true }),
        415,
        "Unsupported Content-Type: send application/x-www-form-urlencoded or application/json.",
      ],
      [
        await putForm(user.accessToken, { ...JOHN, description: "x".repeat(300 * 1024) }),
        413,
        "The request body is too large.",
      ],
      [await call(route, "POST", PATH, { headers, body: {} }), 405, expect.stringContaining("not allowed")],
      [await call(route, "PATCH", PATH, { headers, body: {} }), 405, expect.stringContaining("not allowed")],
      [await call(route, "DELETE", PATH, { headers }), 405, expect.stringContaining("not allowed")],
    ] as const;
    for (const [response, status, message] of cases) {
      expect(response.status).toBe(status);
      expect(response.json).toEqual({ code: status, status: "error", message });
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
    }
    expect(cases[6][0].headers.get("allow")).toBe("GET, PUT, OPTIONS");
    expect((await stored(user.id)).firstName).toBeNull();
  });

  it("answers CORS preflights", async () => {
    const response = await call(route, "OPTIONS", PATH, {
      headers: { origin: "https://app.example.com", "access-control-request-method": "PUT" },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-allow-methods")).toContain("PUT");
    expect(response.headers.get("access-control-allow-headers")).toContain("authorization");
    expect(response.headers.get("access-control-allow-headers")).toContain("content-type");
  });

  it("is described in OpenAPI 3.1 (form and JSON bodies, every documented status)", async () => {
    const document = createDocument({
      openapi: "3.1.0",
      info: { title: "C", version: "1" },
      components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
      paths: formJsonPaths,
    });
    const result = await new Validator().validate(document as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    const put = document.paths?.["/api/user/update"]?.put;
    expect(Object.keys(put?.requestBody && "content" in put.requestBody ? put.requestBody.content : {})).toEqual([
      "application/x-www-form-urlencoded",
      "application/json",
    ]);
    expect(Object.keys(put?.responses ?? {})).toEqual(["200", "400", "405", "409", "413", "415", "500"]);
  });
});
