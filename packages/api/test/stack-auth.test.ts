import { decodeJwt } from "jose";
import { describe, expect, it } from "vitest";

import { stackProjectIdOf } from "../src/auth/stack-project-id";
import { failure } from "./helpers/errors";
import { useTestApp } from "./helpers/test-app";

const app = useTestApp();
const DEFAULT_UUID = "f7ae08d3-a03c-4e12-85e4-d72dd343f0df";
const stack = () => app.anonymous("dialect-d").stack;

describe("Stack Auth's protocol (dialect D)", () => {
  it("every project answers to a v4 UUID: derived from its id, or the id itself when it is one", async () => {
    expect(stackProjectIdOf("default")).toBe(DEFAULT_UUID);
    expect(stackProjectIdOf("acme")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
    const uuid = "0b4c3a9e-1d2f-4e5a-9b8c-7d6e5f4a3b2c";
    expect(stackProjectIdOf(uuid)).toBe(uuid);
    await app.signUp({ projectId: "acme" });
    const rows = await app.database.db.$queryRaw<{ id: string; stackProjectId: string }[]>`
      SELECT id, "stackProjectId"::text AS "stackProjectId" FROM projects`;
    expect(rows).toContainEqual({ id: "acme", stackProjectId: stackProjectIdOf("acme") });
  });

  it("the migration's SQL derives the same UUID as the app", async () => {
    const rows = await app.database.db.$queryRaw<{ derived: string }[]>`
      SELECT overlay(overlay(substr(encode(sha256(convert_to('profilehub:stack-project-id:' || 'acme', 'UTF8')), 'hex'), 1, 32)
        placing '4' from 13) placing '8' from 17)::uuid::text AS derived`;
    expect(rows[0]!.derived).toBe(stackProjectIdOf("acme"));
  });

  it("access tokens carry Stack's claims, for every door (aud and project_id: the project's UUID)", async () => {
    const user = await app.signUp({ email: "claims@example.com" });
    expect(decodeJwt(user.accessToken)).toMatchObject({
      sub: user.id,
      iss: "profilehub",
      aud: DEFAULT_UUID,
      project_id: DEFAULT_UUID,
      branch_id: "main",
      refresh_token_id: expect.any(String),
      role: "authenticated",
      name: null,
      email: "claims@example.com",
      email_verified: false,
      selected_team_id: null,
      signed_up_at: expect.any(Number),
      is_anonymous: false,
      is_restricted: false,
      restricted_reason: null,
      requires_totp_mfa: false,
      pid: "default",
    });
  });

  it("signs in by the project's UUID; a wrong password is invalid_credentials", async () => {
    const user = await app.signUp({ email: "uuid@example.com", password: "a good password" });
    const tokens = await stack().signIn({
      projectId: DEFAULT_UUID,
      email: "UUID@example.com",
      password: "a good password",
    });
    expect(tokens.userId).toBe(user.id);
    expect((await (await app.withToken(tokens.accessToken)).me.get()).id).toBe(user.id);
    const wrong = await failure(stack().signIn({ projectId: DEFAULT_UUID, email: user.email, password: "nope" }));
    expect(wrong.reason).toBe("invalid_credentials");
  });

  it("refreshes without rotating: the same token again and again; another project's client_id is refused", async () => {
    const user = await app.signUp();
    for (let round = 0; round < 3; round++) {
      const refreshed = await stack().refresh({ projectId: DEFAULT_UUID, refreshToken: user.refreshToken });
      expect(refreshed.refreshToken).toBe(user.refreshToken);
      expect((await (await app.withToken(refreshed.accessToken)).me.get()).id).toBe(user.id);
    }
    expect((await stack().refresh({ projectId: "default", refreshToken: user.refreshToken })).userId).toBe(user.id);
    const elsewhere = await failure(stack().refresh({ projectId: "acme", refreshToken: user.refreshToken }));
    expect(elsewhere.reason).toBe("invalid_grant");
  });

  it("ProfileHub's own grant still rotates; the rotated token is refused by Stack's grant too", async () => {
    const user = await app.signUp();
    const rotated = await app
      .anonymous("auth")
      .auth.token({ grant_type: "refresh_token", refresh_token: user.refreshToken });
    expect(rotated.refreshToken).not.toBe(user.refreshToken);
    const old = await failure(stack().refresh({ projectId: DEFAULT_UUID, refreshToken: user.refreshToken }));
    expect(old.reason).toBe("invalid_grant");
    const current = await stack().refresh({ projectId: DEFAULT_UUID, refreshToken: rotated.refreshToken });
    expect(current.userId).toBe(user.id);
  });

  it("a revoked session's refresh token is refused", async () => {
    const user = await app.signUp();
    await (await app.withToken(user.accessToken)).auth.signOut();
    const refused = await failure(stack().refresh({ projectId: DEFAULT_UUID, refreshToken: user.refreshToken }));
    expect(refused.reason).toBe("invalid_grant");
  });

  it("signs up into the project a new UUID names (created, answering to that UUID)", async () => {
    const uuid = "3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f";
    const tokens = await stack().signUp({ projectId: uuid, email: "new@example.com", password: "long enough 1" });
    expect(decodeJwt(tokens.accessToken)).toMatchObject({ pid: uuid, project_id: uuid, aud: uuid });
    const again = await stack().signIn({ projectId: uuid, email: "new@example.com", password: "long enough 1" });
    expect(again.userId).toBe(tokens.userId);
  });
});
