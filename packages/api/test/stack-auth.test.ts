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

  it("changePassword proves the old password, keeps the calling session and ends the others; set needs no password yet", async () => {
    const user = await app.signUp({ email: "change@example.com", password: "old password 1" });
    const other = await app
      .anonymous()
      .auth.token({ grant_type: "password", email: user.email, password: "old password 1" });
    const caller = await app.withToken(user.accessToken, "dialect-d");
    const wrong = await failure(caller.stack.changePassword({ oldPassword: "nope", newPassword: "new password 1" }));
    expect([wrong.reason, wrong.issues.map((issue) => issue.path)]).toEqual(["validation", ["currentPassword"]]);
    const set = await failure(caller.stack.changePassword({ newPassword: "new password 1" }));
    expect(set.issues.map((issue) => issue.path)).toEqual(["currentPassword"]);
    await caller.stack.changePassword({ oldPassword: "old password 1", newPassword: "new password 1" });
    expect((await caller.me.get()).id).toBe(user.id);
    expect((await failure((await app.withToken(other.accessToken)).me.get())).reason).toBe("session_revoked");
    await app.database.db.user.update({ where: { id: user.id }, data: { passwordHash: null } });
    await caller.stack.changePassword({ newPassword: "third password 1" });
    await app.anonymous().auth.token({ grant_type: "password", email: user.email, password: "third password 1" });
  });

  it("with two-factor on, signIn is totp_required with a sealed attempt code that mfaSignIn takes with the code", async () => {
    const { Secret, TOTP } = await import("otpauth");
    const user = await app.signUp({ email: "mfa@example.com", password: "mfa password 1" });
    const secret = new Secret({ size: 20 });
    await (
      await app.withToken(user.accessToken)
    ).me.update({ totpSecretBase64: Buffer.from(secret.bytes).toString("base64") });
    const required = await stack()
      .signIn({ projectId: "default", email: user.email, password: "mfa password 1" })
      .catch((error: unknown) => error as { cause: { reason: string; params: { attemptCode?: string } } });
    expect(required).toMatchObject({ cause: { reason: "totp_required", params: { attemptCode: expect.any(String) } } });
    const attemptCode = (required as { cause: { params: { attemptCode: string } } }).cause.params.attemptCode;
    const totp = new TOTP({ secret }).generate();
    const otherProject = await failure(stack().mfaSignIn({ projectId: "acme", attemptCode, totp }));
    expect(otherProject.reason).toBe("email_token_invalid");
    const tokens = await stack().mfaSignIn({ projectId: DEFAULT_UUID, attemptCode, totp });
    expect(tokens.userId).toBe(user.id);
    expect((await failure(stack().mfaSignIn({ projectId: "default", attemptCode, totp }))).reason).toBe("totp_invalid");
    // Other doors keep their own flow: totp_required without an attempt code.
    const native = await failure(
      app.anonymous("auth").auth.token({ grant_type: "password", email: user.email, password: "mfa password 1" }),
    );
    expect(native.reason).toBe("totp_required");
  });

  it("a project's publishable key is checked for requests that present one (client access) and for the refresh grant", async () => {
    await app.server().admin.upsertProject({ projectId: "keyed", publishableClientKey: "pck_right" });
    const user = await app.signUp({ projectId: "keyed", email: "keyed@example.com", password: "keyed password 1" });
    const client = (publishableClientKey: string | null) =>
      app.caller({ door: "dialect-d", requestedProjectId: "keyed", publishableClientKey }).stack;
    const credentials = { projectId: "keyed", email: user.email, password: "keyed password 1" };
    expect((await failure(client("pck_wrong").signIn(credentials))).reason).toBe("publishable_key_invalid");
    expect((await failure(client(null).signIn(credentials))).reason).toBe("publishable_key_invalid");
    const tokens = await client("pck_right").signIn(credentials);
    const refresh = { projectId: "keyed", refreshToken: tokens.refreshToken };
    expect((await failure(stack().refresh({ ...refresh, publishableClientKey: "pck_wrong" }))).reason).toBe(
      "publishable_key_invalid",
    );
    await stack().refresh({ ...refresh, publishableClientKey: "pck_right" });
    await app.server().admin.upsertProject({ projectId: "keyed", publishableClientKey: null });
    await client("pck_anything").signIn(credentials);
  });

  it("me.teams lists the caller's teams; sessions.revoke with keepCurrent refuses the current session", async () => {
    const user = await app.signUp();
    const team = await app.server().admin.createTeam({ displayName: "Listed" });
    await app.server().admin.createTeam({ displayName: "Not mine" });
    await app.server().admin.addTeamMember({ teamId: team.id, userId: user.id });
    const caller = await app.withToken(user.accessToken, "dialect-d");
    expect(await caller.me.teams()).toEqual([{ id: team.id, displayName: "Listed", createdAt: expect.any(String) }]);
    const [current] = await caller.sessions.list();
    const refused = await failure(caller.sessions.revoke({ sessionId: current!.id, keepCurrent: true }));
    expect(refused.issues).toEqual([{ path: "sessionId", message: "This is the current session: sign out instead" }]);
  });
});
