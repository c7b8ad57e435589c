import { describe, expect, it } from "vitest";

import * as rest from "@/app/api/v1/[...rest]/route";
import * as tokenRoute from "@/app/api/v1/auth/oauth/token/route";
import * as signInRoute from "@/app/api/v1/auth/password/sign-in/route";
import * as signUpRoute from "@/app/api/v1/auth/password/sign-up/route";
import * as userRoute from "@/app/api/v1/users/[userId]/route";

import { call } from "../helpers/dialect-app";
import { type CurrentUserEnv } from "./env";
import { clientHeaders, knownError } from "./stack";

const DEFAULT_UUID = "f7ae08d3-a03c-4e12-85e4-d72dd343f0df";
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const grant = (fields: Record<string, string>) =>
  call(tokenRoute, "POST", "/api/v1/auth/oauth/token", {
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: form(fields),
    raw: true,
  });

export function describeStackAuthRoutes(env: CurrentUserEnv): void {
  const { app } = env;
  describe("dialect D — Stack Auth's sign-in, sign-up, refresh grant and users by id", () => {
    it("signs up and in by the project's UUID; the tokens are Stack's answer", async () => {
      const body = { email: "route@example.com", password: "route password 1", verification_callback_url: "x" };
      const up = await call(signUpRoute, "POST", "/api/v1/auth/password/sign-up", {
        headers: clientHeaders(undefined, DEFAULT_UUID),
        body,
      });
      expect(up.status).toBe(200);
      expect(Object.keys(up.json).sort()).toEqual(["access_token", "refresh_token", "user_id"]);
      const signIn = (password: string) =>
        call(signInRoute, "POST", "/api/v1/auth/password/sign-in", {
          headers: clientHeaders(undefined, DEFAULT_UUID),
          body: { email: "route@example.com", password },
        });
      expect((await signIn("route password 1")).json.user_id).toBe(up.json.user_id);
      expect(knownError(await signIn("wrong"), 400, "EMAIL_PASSWORD_MISMATCH").error).toBe("Wrong e-mail or password.");
    });

    it("sign-in/up bad input: Stack's known errors, never a 500", async () => {
      const headers = clientHeaders(undefined, DEFAULT_UUID);
      const noEmail = await call(signInRoute, "POST", "/api/v1/auth/password/sign-in", { headers, body: {} });
      expect(knownError(noEmail, 400, "SCHEMA_ERROR").error).toContain("body.email");
      const short = await call(signUpRoute, "POST", "/api/v1/auth/password/sign-up", {
        headers,
        body: { email: "short@example.com", password: "short" },
      });
      expect(knownError(short, 400, "PASSWORD_TOO_SHORT").details).toEqual({ min_length: 8 });
      const noType = await call(signInRoute, "POST", "/api/v1/auth/password/sign-in", { body: {} });
      knownError(noType, 400, "ACCESS_TYPE_REQUIRED");
    });

    it("the refresh grant answers the same refresh token; bad grants are Stack's errors", async () => {
      const user = await app.signUp();
      const first = await grant({
        grant_type: "refresh_token",
        refresh_token: user.refreshToken,
        client_id: "default",
      });
      expect(first.status).toBe(200);
      expect(first.json).toMatchObject({ refresh_token: user.refreshToken, token_type: "Bearer", expires_in: 900 });
      expect(first.headers.get("cache-control")).toBe("no-store");
      const again = await grant({
        grant_type: "refresh_token",
        refresh_token: user.refreshToken,
        client_id: DEFAULT_UUID,
      });
      expect(again.json.refresh_token).toBe(user.refreshToken);
      const unknown = await grant({ grant_type: "refresh_token", refresh_token: "nope", client_id: DEFAULT_UUID });
      knownError(unknown, 401, "REFRESH_TOKEN_NOT_FOUND_OR_EXPIRED");
      knownError(await grant({ grant_type: "password", client_id: DEFAULT_UUID }), 400, "SCHEMA_ERROR");
      knownError(
        await grant({ grant_type: "refresh_token", refresh_token: user.refreshToken }),
        400,
        "INVALID_OAUTH_CLIENT_ID_OR_SECRET",
      );
    });

    it("GET /users/{id} with server access; client access reaches only oneself", async () => {
      const user = await app.signUp();
      const other = await app.signUp();
      const get = (headers: Record<string, string>, userId: string) =>
        call(userRoute, "GET", `/api/v1/users/${userId}`, { headers, params: { userId } });
      const asServer = await get(env.server(), other.id);
      expect(asServer.json).toMatchObject({ id: other.id, server_metadata: {}, risk_scores: expect.any(Object) });
      expect((await get(clientHeaders(user.accessToken), user.id)).json.id).toBe(user.id);
      knownError(await get(clientHeaders(user.accessToken), other.id), 404, "USER_NOT_FOUND");
    });

    it("any other path under /api/v1/ is a JSON 404", async () => {
      const response = await call(rest, "GET", "/api/v1/team-invitations");
      expect([response.status, response.json.code]).toEqual([404, "ROUTE_NOT_FOUND"]);
      expect(response.headers.get("x-stack-known-error")).toBeNull();
    });
  });
}
