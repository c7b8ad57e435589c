import { describe, expect, it } from "vitest";
import { createDocument, type ZodOpenApiPathsObject } from "zod-openapi";

import * as authUserRoute from "@/app/api/v3/auth/user/route";
import { projectUserDoor } from "@/dialects/b-project-users/door";
import { projectUserPaths } from "@/dialects/b-project-users/openapi";
import { errorInfoFromReason } from "@/server/http/error-info";
import { buildOpenApiDocument } from "@/server/openapi/document";

import { bearer, call, useDialectApp } from "../helpers/dialect-app";
import { get, patch, pathOf, pngDataUrl, route, withFailingUserUpdates } from "./helpers";

const app = useDialectApp();

const P = "proj1234";
const RESPONSE_KEYS = ["id", "username", "name", "avatar", "bio", "birthdate", "location", "metadata", "suspensions"];
const signUp = (projectId = P) => app.signUp({ projectId });

describe("dialect B — server errors, GET, transport and OpenAPI (seed 001)", () => {
  it("Server Error: 500 user/server-error whose details never leak internals", async () => {
    const user = await signUp();
    const response = await withFailingUserUpdates(app.database.db, () =>
      patch(user.accessToken, P, user.id, { update: { bio: "x" } }),
    );
    expect(response.status).toBe(500);
    expect(response.json).toEqual({
      error: "Internal server error",
      code: "user/server-error",
      details: "An unexpected error occurred; quote the x-request-id response header when reporting it",
    });
    expect(response.text).not.toMatch(/db-primary|5432|relation|disk/);
    const down = projectUserDoor.errorResponse(
      errorInfoFromReason("unavailable"),
      new Request("http://localhost/p/users/u"),
    );
    expect([down.status, await down.json()]).toEqual([
      503,
      {
        error: "Service unavailable",
        code: "user/server-error",
        details: "Service unavailable: the database cannot be reached",
      },
    ]);
  });

  it("GET returns the user in the same shape; changes made through other doors read back", async () => {
    const user = await signUp();
    await call(authUserRoute, "PUT", "/api/v3/auth/user", {
      headers: bearer(user.accessToken),
      body: { data: { plan: "pro" } },
    });
    await (await user.as("dialect-d")).me.update({ displayName: "Dee" });
    const response = await get(user.accessToken, P, user.id);
    expect(response.status).toBe(200);
    expect(Object.keys(response.json)).toEqual(RESPONSE_KEYS);
    expect(response.json).toMatchObject({ id: user.id, name: "Dee", metadata: { plan: "pro" } });
    await patch(user.accessToken, P, user.id, { update: { metadata: { plan: "team" } } });
    const a = await call(authUserRoute, "GET", "/api/v3/auth/user", { headers: bearer(user.accessToken) });
    expect(a.json.data.userMetadata).toEqual({ plan: "team" });
  });

  it("malformed JSON, wrong content type, oversized bodies and wrong methods answer {error, code}", async () => {
    const user = await signUp();
    const path = pathOf(P, user.id);
    const options = { headers: bearer(user.accessToken), params: { projectId: P, userId: user.id } };
    const cases = [
      [await call(route, "PATCH", path, { ...options, body: "{oops", raw: true }), 400, "request/invalid-json"],
      [
        await call(route, "PATCH", path, {
          ...options,
          headers: { ...options.headers, "content-type": "text/plain" },
          body: "x",
          raw: true,
        }),
        415,
        "request/unsupported-media-type",
      ],
      [
        await patch(user.accessToken, P, user.id, { update: { bio: "x".repeat(300 * 1024) } }),
        413,
        "request/too-large",
      ],
      [await call(route, "POST", path, { ...options, body: {} }), 405, "request/method-not-allowed"],
      [await call(route, "PUT", path, { ...options, body: {} }), 405, "request/method-not-allowed"],
      [await call(route, "DELETE", path, options), 405, "request/method-not-allowed"],
    ] as const;
    for (const [response, status, code] of cases) {
      expect(response.status).toBe(status);
      expect(Object.keys(response.json).sort()).toEqual(["code", "error"]);
      expect(response.json.code).toBe(code);
    }
    expect(cases[3][0].headers.get("allow")).toBe("GET, PATCH, OPTIONS");
    const image = await patch(user.accessToken, P, user.id, { update: { avatar: pngDataUrl(90 * 1024) } });
    expect(image.status).toBe(200);
  });

  it("answers CORS preflights", async () => {
    const response = await call(route, "OPTIONS", pathOf(P, "x"), { headers: { origin: "https://app.example.com" } });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-methods")).toBe("GET, PATCH, OPTIONS");
    expect(response.headers.get("access-control-allow-headers")).toMatch(/authorization.*x-api-key/);
  });

  it("is described in OpenAPI 3.1 from the same schemas, beside the site's other routes", () => {
    const site = buildOpenApiDocument("http://localhost:3000");
    const document = createDocument({
      openapi: "3.1.0",
      info: site.info,
      components: {
        securitySchemes: {
          bearer: { type: "http", scheme: "bearer" },
          serverKey: { type: "apiKey", in: "header", name: "x-api-key" },
        },
      },
      paths: { ...(site.paths as ZodOpenApiPathsObject), ...projectUserPaths },
    });
    const operation = document.paths?.["/{projectId}/users/{userId}"];
    expect(Object.keys(operation ?? {}).sort()).toEqual(["get", "patch"]);
    expect(operation?.patch?.parameters?.map((parameter) => ("name" in parameter ? parameter.name : ""))).toEqual([
      "projectId",
      "userId",
    ]);
    expect(JSON.stringify(document.components?.schemas?.ProjectUserUpdateRequest)).toContain("secureMetadata");
    expect(document.components?.schemas?.ProjectUser).toBeDefined();
  });
});
