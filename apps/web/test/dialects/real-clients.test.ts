import { describe, expect, it } from "vitest";

import * as projectUsersRoute from "@/app/[projectId]/users/[userId]/route";
import * as currentUserRoute from "@/app/api/v1/users/me/route";
import * as authUserRoute from "@/app/api/v3/auth/user/route";

import { bearer, call, TRUSTED_ORIGIN, useDialectApp } from "./helpers/dialect-app";

const app = useDialectApp();

/** The headers Stack's SDK 2.8.108 sends on every request (`x-hexclave-*`), as it sends them. */
const hexclaveHeaders = (token: string): Record<string, string> => ({
  "X-Hexclave-Override-Error-Status": "true",
  "X-Hexclave-Project-Id": "default",
  "X-Hexclave-Access-Type": "client",
  "X-Hexclave-Client-Version": "js @stackframe/js@2.8.108",
  "X-Hexclave-Access-Token": token,
  "X-Hexclave-Allow-Anonymous-User": "true",
  "X-Hexclave-Publishable-Client-Key": "pck_any",
  "X-Hexclave-Random-Nonce": "n0nce",
});

describe("the REST doors as real clients call them", () => {
  it("CORS: a listed origin is reflected with credentials (Replyke sends credentials: include), others get * without", async () => {
    const user = await app.signUp();
    const path = `/default/users/${user.id}`;
    const params = { projectId: "default", userId: user.id };
    const preflight = await call(projectUsersRoute, "OPTIONS", path, {
      params,
      headers: { origin: TRUSTED_ORIGIN, "access-control-request-method": "PATCH" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe(TRUSTED_ORIGIN);
    expect(preflight.headers.get("access-control-allow-credentials")).toBe("true");
    expect(preflight.headers.get("vary")).toContain("Origin");

    const answer = await call(projectUsersRoute, "PATCH", path, {
      params,
      headers: { ...bearer(user.accessToken), origin: TRUSTED_ORIGIN },
      body: { update: { name: "Ada" } },
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("access-control-allow-origin")).toBe(TRUSTED_ORIGIN);
    expect(answer.headers.get("access-control-allow-credentials")).toBe("true");

    const stranger = await call(projectUsersRoute, "OPTIONS", path, {
      params,
      headers: { origin: "https://evil.example", "access-control-request-method": "PATCH" },
    });
    expect(stranger.headers.get("access-control-allow-origin")).toBe("*");
    expect(stranger.headers.get("access-control-allow-credentials")).toBeNull();
  });

  it("CORS: Stack's SDK headers of both generations are allowed, its error headers readable", async () => {
    const preflight = await call(currentUserRoute, "OPTIONS", "/api/v1/users/me", {
      headers: { origin: "https://app.example", "access-control-request-method": "PATCH" },
    });
    const allowed = preflight.headers.get("access-control-allow-headers")!.split(", ");
    for (const name of Object.keys(hexclaveHeaders("t"))) expect(allowed).toContain(name.toLowerCase());
    for (const name of ["x-stack-random-nonce", "x-stack-client-version", "x-stack-override-error-status"]) {
      expect(allowed).toContain(name);
    }
    const exposed = preflight.headers.get("access-control-expose-headers")!;
    for (const name of ["x-stack-known-error", "x-hexclave-known-error", "x-hexclave-actual-status"]) {
      expect(exposed).toContain(name);
    }
  });

  it("CORS: each door's preflight allows the headers its own clients send, and only those", async () => {
    const preflight = async (route: Parameters<typeof call>[0], path: string, params?: Record<string, string>) => {
      const answer = await call(route, "OPTIONS", path, {
        ...(params ? { params } : {}),
        headers: {
          origin: TRUSTED_ORIGIN,
          "access-control-request-method": "PATCH",
          "access-control-request-headers": "authorization,content-type",
        },
      });
      expect(answer.status).toBe(204);
      return {
        allowed: answer.headers.get("access-control-allow-headers")!.split(", "),
        exposed: answer.headers.get("access-control-expose-headers")!.split(", "),
      };
    };
    // Replyke's SDK: authorization and content-type (bearer token, JSON); x-api-key for server access.
    const replyke = await preflight(projectUsersRoute, "/default/users/u1", { projectId: "default", userId: "u1" });
    expect(replyke.allowed).toEqual(["authorization", "content-type", "x-request-id", "x-api-key"]);
    expect(replyke.exposed).toEqual(["x-request-id", "retry-after"]);
    // Seed 000's clients: a bearer token and JSON.
    const authUser = await preflight(authUserRoute, "/api/v3/auth/user");
    expect(authUser.allowed).toEqual(["authorization", "content-type", "x-request-id"]);
    // Stack's SDK: its own headers of both generations, its error headers readable.
    const stack = await preflight(currentUserRoute, "/api/v1/users/me");
    expect(stack.allowed).toEqual(expect.arrayContaining(["authorization", "content-type", "x-hexclave-random-nonce"]));
    expect(stack.allowed).not.toContain("x-api-key");
    expect(stack.exposed).toEqual(
      expect.arrayContaining(["retry-after", "x-stack-known-error", "x-hexclave-actual-status"]),
    );
  });

  it("dialect D reads x-hexclave-* headers (Stack SDK ≥ 2.8.10x) like x-stack-*", async () => {
    const user = await app.signUp();
    const read = await call(currentUserRoute, "GET", "/api/v1/users/me", {
      headers: hexclaveHeaders(user.accessToken),
    });
    expect(read.status).toBe(200);
    expect(read.json.id).toBe(user.id);
    const written = await call(currentUserRoute, "PATCH", "/api/v1/users/me", {
      headers: hexclaveHeaders(user.accessToken),
      body: { display_name: "Grace" },
    });
    expect(written.status).toBe(200);
    expect(written.json.display_name).toBe("Grace");
  });

  it("dialect D: with override-error-status, a known error is 200 with the real status in x-…-actual-status", async () => {
    const user = await app.signUp();
    const answer = await call(currentUserRoute, "PATCH", "/api/v1/users/me", {
      headers: hexclaveHeaders(user.accessToken),
      body: { display_name: 42 },
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("x-hexclave-actual-status")).toBe("400");
    expect(answer.headers.get("x-stack-actual-status")).toBe("400");
    expect(answer.headers.get("x-hexclave-known-error")).toBe(answer.json.code);
    expect(answer.headers.get("x-stack-known-error")).toBe(answer.json.code);
    expect(answer.json.code).toBe("SCHEMA_ERROR");

    const plain = await call(currentUserRoute, "PATCH", "/api/v1/users/me", {
      headers: { ...hexclaveHeaders(user.accessToken), "X-Hexclave-Override-Error-Status": "false" },
      body: { display_name: 42 },
    });
    expect(plain.status).toBe(400);
    expect(plain.headers.get("x-hexclave-actual-status")).toBeNull();
  });

  it("dialect A accepts metadata as a synonym of data (same merge); both at once is refused", async () => {
    const user = await app.signUp();
    const put = (body: unknown) =>
      call(authUserRoute, "PUT", "/api/v3/auth/user", { headers: bearer(user.accessToken), body });
    await put({ data: { plan: "free", theme: "dark" } });
    const merged = await put({ metadata: { plan: "pro", theme: null } });
    expect(merged.status).toBe(200);
    expect(merged.json.data.userMetadata).toEqual({ plan: "pro" });
    const both = await put({ data: { a: 1 }, metadata: { b: 2 } });
    expect(both.status).toBe(400);
    expect(both.json).toMatchObject({ success: false, data: null });
    expect(both.json.error).toBe("metadata: Send either data or metadata, not both");
    expect((await put({})).json.data.userMetadata).toEqual({ plan: "pro" });
  });
});
