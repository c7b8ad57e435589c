import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { createDocument } from "zod-openapi";

import * as route from "@/app/api/v1/users/me/route";
import { currentUserPaths } from "@/dialects/d-current-user/openapi";

import { call } from "../helpers/dialect-app";
import { type CurrentUserEnv } from "./env";
import { clientHeaders, getMe, knownError, patchMe, PATH, statusError } from "./stack";

export function describeTransport(env: CurrentUserEnv): void {
  const { app, storedUser, schemaMessage } = env;
  describe("dialect D — GET, transport and CORS", () => {
    it("GET returns the same user object as PATCH", async () => {
      const user = await app.signUp();
      const patched = await patchMe(clientHeaders(user.accessToken), { display_name: "Same" });
      const read = await getMe(clientHeaders(user.accessToken));
      expect(read.status).toBe(200);
      expect({ ...read.json, last_active_at_millis: 0 }).toEqual({ ...patched.json, last_active_at_millis: 0 });
    });

    it("an empty body is a no-op update that returns the user", async () => {
      const user = await app.signUp();
      const response = await call(route, "PATCH", PATH, { headers: clientHeaders(user.accessToken) });
      expect(response.status).toBe(200);
      expect(response.json.id).toBe(user.id);
    });

    it("malformed JSON, wrong content type, non-object body, oversized body as known errors; wrong methods as Stack's plain 405", async () => {
      const user = await app.signUp();
      const headers = clientHeaders(user.accessToken);
      const malformed = await call(route, "PATCH", PATH, { headers, body: "{oops", raw: true });
      expect(knownError(malformed, 400, "BODY_PARSING_ERROR").error).toBe("Invalid JSON in request body");
      const text = await call(route, "PATCH", PATH, {
        headers: { ...headers, "content-type": "text/plain" },
        body: "display_name=x",
        raw: true,
      });
      expect(knownError(text, 400, "BODY_PARSING_ERROR").error).toBe(
        "Unknown content type in request body: text/plain",
      );
      const array = await patchMe(headers, ["display_name"]);
      expect(knownError(array, 400, "SCHEMA_ERROR").error).toBe(schemaMessage("body must be a JSON object"));
      const huge = await patchMe(headers, { client_metadata: { blob: "x".repeat(300 * 1024) } });
      expect(knownError(huge, 413, "BODY_PARSING_ERROR").error).toBe("Request body is too large (maximum is 256 KB)");
      for (const method of ["POST", "PUT"] as const) {
        const response = await call(route, method, PATH, { headers, body: {} });
        expect(statusError(response, 405)).toContain(`Method ${method} is not allowed`);
        expect(response.headers.get("allow")).toBe("GET, PATCH, DELETE, OPTIONS");
      }
      expect((await storedUser(user.id)).displayName).toBeNull();
    });

    it("answers CORS preflights with the Stack headers allowed, and CORS headers on answers", async () => {
      const preflight = await call(route, "OPTIONS", PATH, { headers: { origin: "https://app.example.com" } });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
      expect(preflight.headers.get("access-control-allow-methods")).toBe("GET, PATCH, DELETE, OPTIONS");
      const allowed = preflight.headers.get("access-control-allow-headers") ?? "";
      for (const name of [
        "x-stack-project-id",
        "x-stack-access-type",
        "x-stack-access-token",
        "x-stack-secret-server-key",
      ]) {
        expect(allowed).toContain(name);
      }
      const error = await getMe(clientHeaders());
      expect(error.headers.get("access-control-allow-origin")).toBe("*");
      expect(error.headers.get("access-control-expose-headers")).toContain("x-stack-known-error");
    });

    it("is described in OpenAPI 3.1 from the same schemas (a valid document)", async () => {
      const document = createDocument({
        openapi: "3.1.0",
        info: { title: "t", version: "1" },
        paths: currentUserPaths,
      });
      const result = await new Validator().validate(document as never);
      expect(result.errors ?? []).toEqual([]);
      expect(result.valid).toBe(true);
      expect(document.paths?.["/api/v1/users/me"]?.get?.parameters).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ name: "x-stack-access-type", in: "header", required: true }),
        ]),
      );
      const patch = document.paths?.["/api/v1/users/me"]?.patch;
      expect(patch?.requestBody).toBeDefined();
      expect(Object.keys(patch?.responses ?? {})).toEqual(
        expect.arrayContaining(["200", "400", "401", "404", "409", "413"]),
      );
      expect(JSON.stringify(document.components?.schemas ?? {})).toContain("selected_team");
    });
  });
}
