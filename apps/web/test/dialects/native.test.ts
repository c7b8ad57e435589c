import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";

import * as projects from "@/app/api/admin/projects/[projectId]/route";
import * as members from "@/app/api/admin/teams/[teamId]/members/route";
import * as teams from "@/app/api/admin/teams/route";
import * as suspensions from "@/app/api/admin/users/[userId]/suspensions/route";
import * as resendVerification from "@/app/api/auth/resend-verification/route";
import * as signup from "@/app/api/auth/signup/route";
import * as openapi from "@/app/api/openapi.json/route";

import { bearer, call, useDialectApp } from "./helpers/dialect-app";

const app = useDialectApp();
const key = () => ({ "x-api-key": app.services.config.serverApiKey });

describe("admin endpoints (x-api-key)", () => {
  it("refuse a missing or wrong server key with 401", async () => {
    for (const headers of [{}, { "x-api-key": "wrong" }] as Record<string, string>[]) {
      const response = await call(teams, "POST", "/api/admin/teams", { headers, body: { displayName: "T" } });
      expect(response.status).toBe(401);
      expect(response.json.error.code).toBe("server_key_invalid");
    }
  });

  it("PUT /api/admin/projects/{id} creates, updates and removes the webhook; the secret is never shown", async () => {
    const params = { projectId: "acme" };
    const created = await call(projects, "PUT", "/api/admin/projects/acme", {
      headers: key(),
      params,
      body: {
        name: "Acme",
        webhooks: { validateUserUpdated: { url: "https://hooks.example.com/v", secret: "s".repeat(20) } },
      },
    });
    expect(created.status).toBe(200);
    expect(created.json).toEqual({
      id: "acme",
      name: "Acme",
      webhooks: { validateUserUpdated: { url: "https://hooks.example.com/v" } },
      publishableClientKey: null,
      clientUserDeletionEnabled: false,
    });
    const renamed = await call(projects, "PUT", "/api/admin/projects/acme", {
      headers: key(),
      params,
      body: { name: "Acme Inc" },
    });
    expect(renamed.json.webhooks.validateUserUpdated).toEqual({ url: "https://hooks.example.com/v" });
    const removed = await call(projects, "PUT", "/api/admin/projects/acme", {
      headers: key(),
      params,
      body: {
        webhooks: { validateUserUpdated: null },
        publishableClientKey: "pck_acme",
        clientUserDeletionEnabled: true,
      },
    });
    expect(removed.json).toEqual({
      id: "acme",
      name: "Acme Inc",
      webhooks: { validateUserUpdated: null },
      publishableClientKey: "pck_acme",
      clientUserDeletionEnabled: true,
    });
    const invalid = await call(projects, "PUT", "/api/admin/projects/acme", {
      headers: key(),
      params,
      body: { webhooks: { validateUserUpdated: { url: "ftp://x", secret: "short" } } },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.json.error.issues.map((issue: { path: string }) => issue.path).sort()).toEqual([
      "webhooks.validateUserUpdated.secret",
      "webhooks.validateUserUpdated.url",
    ]);
  });

  it("POST suspensions, teams and members answer 201 with the documented bodies", async () => {
    const user = await app.signUp();
    const suspension = await call(suspensions, "POST", `/api/admin/users/${user.id}/suspensions`, {
      headers: key(),
      params: { userId: user.id },
      body: { reason: "spam", endsAt: "2999-01-01T00:00:00Z" },
    });
    expect(suspension.status).toBe(201);
    expect(suspension.json).toEqual({
      id: expect.any(String),
      reason: "spam",
      startsAt: expect.any(String),
      endsAt: "2999-01-01T00:00:00.000Z",
    });
    const team = await call(teams, "POST", "/api/admin/teams", { headers: key(), body: { displayName: "Core" } });
    expect(team.status).toBe(201);
    expect(team.json).toEqual({ id: expect.any(String), displayName: "Core", projectId: "default" });
    const member = await call(members, "POST", `/api/admin/teams/${team.json.id}/members`, {
      headers: key(),
      params: { teamId: team.json.id },
      body: { userId: user.id },
    });
    expect(member.status).toBe(201);
    expect(member.json).toEqual({ teamId: team.json.id, userId: user.id });
    const unknownUser = await call(
      suspensions,
      "POST",
      "/api/admin/users/00000000-0000-4000-8000-000000000000/suspensions",
      {
        headers: key(),
        params: { userId: "00000000-0000-4000-8000-000000000000" },
        body: { reason: "x" },
      },
    );
    expect(unknownUser.status).toBe(404);
  });

  it("answer wrong methods with 405 in the native error shape", async () => {
    const response = await call(teams, "GET", "/api/admin/teams", { headers: key() });
    expect(response.status).toBe(405);
    expect(response.json.error.code).toBe("method_not_allowed");
    expect(response.headers.get("allow")).toBe("POST, OPTIONS");
    const signupGet = await call(signup, "GET", "/api/auth/signup");
    expect(signupGet.status).toBe(405);
  });
});

describe("OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document listing every REST route", async () => {
    const response = await call(openapi, "GET", "/api/openapi.json");
    expect(response.status).toBe(200);
    const validator = new Validator();
    const result = await validator.validate(response.json);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
    expect(Object.keys(response.json.paths)).toEqual(
      expect.arrayContaining([
        "/api/auth/signup",
        "/api/auth/token",
        "/api/auth/logout",
        "/api/auth/verify-email",
        "/api/admin/projects/{projectId}",
        "/api/admin/users/{userId}/suspensions",
        "/api/admin/teams",
        "/api/admin/teams/{teamId}/members",
        "/api/v3/auth/user",
        "/{projectId}/users/{userId}",
        "/api/user/update",
        "/api/v1/users/me",
        "/users/{id}",
      ]),
    );
  });
});

describe("POST /api/auth/resend-verification (bearer)", () => {
  it("mails a new link for the unverified address, 3 an hour, then 429 rate_limited; 401 without a token", async () => {
    const path = "/api/auth/resend-verification";
    const anonymous = await call(resendVerification, "POST", path);
    expect(anonymous.status).toBe(401);
    expect(anonymous.json.error.code).toBe("token_missing");

    const user = await app.signUp();
    for (let i = 0; i < 3; i += 1) {
      const sent = await call(resendVerification, "POST", path, { headers: bearer(user.accessToken) });
      expect(sent).toMatchObject({ status: 200, json: { status: "sent", email: user.email } });
    }
    const refused = await call(resendVerification, "POST", path, { headers: bearer(user.accessToken) });
    expect(refused.status).toBe(429);
    expect(refused.json.error.code).toBe("rate_limited");
    const mails = await app.database.db.outboxMail.count({ where: { userId: user.id, kind: "email_verify" } });
    expect(mails).toBe(4);
  });
});
