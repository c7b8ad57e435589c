import { describe, expect, it } from "vitest";

import { SecretBox } from "../src/crypto/secret-box";
import { failure } from "./helpers/errors";
import { TEST_CONFIG, useTestApp } from "./helpers/test-app";

const app = useTestApp();

describe("two-factor secret", () => {
  it("is stored encrypted, reported only as enabled, and cleared with null", async () => {
    const user = await app.signUp();
    const me = await user.as("dialect-d");
    const secret = Buffer.from("12345678901234567890").toString("base64");
    const enabled = await me.me.update({ totpSecretBase64: secret });
    expect(enabled.totpEnabled).toBe(true);
    expect(JSON.stringify(enabled)).not.toContain(secret);
    const row = await app.database.db.user.findUniqueOrThrow({
      where: { id: user.id },
      select: { totpSecretEncrypted: true },
    });
    expect(row.totpSecretEncrypted).not.toContain(secret);
    expect(new SecretBox(TEST_CONFIG.authSecret).decrypt(row.totpSecretEncrypted!)).toBe(secret);
    expect((await me.me.update({ totpSecretBase64: null })).totpEnabled).toBe(false);
  });
});

describe("selected team", () => {
  it("must be a team of the user's project the user belongs to", async () => {
    const user = await app.signUp();
    const server = app.server();
    const mine = await server.admin.createTeam({ displayName: "Mine" });
    const notMine = await server.admin.createTeam({ displayName: "Not mine" });
    await server.admin.addTeamMember({ teamId: mine.id, userId: user.id });
    const me = await user.as("dialect-d");
    const selected = await me.me.update({ selectedTeamId: mine.id });
    expect(selected.selectedTeamId).toBe(mine.id);
    expect(selected.selectedTeam).toEqual({ id: mine.id, displayName: "Mine", createdAt: expect.any(String) });
    const refused = await failure(me.me.update({ selectedTeamId: notMine.id }));
    expect(refused.issues).toEqual([{ path: "selectedTeamId", message: "You are not a member of this team" }]);
    const unknown = await failure(me.me.update({ selectedTeamId: "00000000-0000-4000-8000-000000000000" }));
    expect(unknown.issues[0]!.path).toBe("selectedTeamId");
    expect((await me.me.get()).selectedTeamId).toBe(mine.id);
    expect((await me.me.update({ selectedTeamId: null })).selectedTeamId).toBeNull();
  });

  it("a team of another project cannot take the user", async () => {
    const user = await app.signUp();
    const elsewhere = await app.server().admin.createTeam({ displayName: "Other", projectId: "other" });
    const error = await failure(app.server().admin.addTeamMember({ teamId: elsewhere.id, userId: user.id }));
    expect(error.reason).toBe("user_not_found");
  });
});

describe("server-only fields", () => {
  it("email verification and email auth can only be set with server access", async () => {
    const user = await app.signUp();
    const asUser = await user.as();
    const error = await failure(asUser.me.update({ emailVerified: true, emailAuthEnabled: false }));
    expect(error.issues.map((issue) => issue.path).sort()).toEqual(["emailAuthEnabled", "emailVerified"]);
    const { user: updated } = await app.server().users.update({ userId: user.id, changes: { emailVerified: true } });
    expect(updated.emailVerified).toBe(true);
    await app.server().users.update({ userId: user.id, changes: { emailAuthEnabled: false } });
    const signIn = app
      .anonymous("auth")
      .auth.token({ grant_type: "password", email: user.email, password: user.password });
    expect((await failure(signIn)).reason).toBe("invalid_credentials");
  });

  it("server access with a user's token (dialect D server mode) sees server metadata", async () => {
    const user = await app.signUp();
    const asServer = await app.withToken(user.accessToken, "dialect-d", TEST_CONFIG.serverApiKey);
    const updated = await asServer.me.update({ serverMetadata: { secret: 1 }, appMetadata: { plan: "pro" } });
    expect(updated.serverMetadata).toEqual({ secret: 1 });
    const wrongKey = await app.withToken(user.accessToken, "dialect-d", "not-the-key");
    expect((await wrongKey.me.get()).serverMetadata).toBeUndefined();
  });
});

describe("suspensions", () => {
  it("active suspensions appear on the user; ended ones do not", async () => {
    const user = await app.signUp();
    const server = app.server();
    const active = await server.admin.createSuspension({ userId: user.id, reason: "spam" });
    await server.admin.createSuspension({
      userId: user.id,
      reason: "old",
      endsAt: new Date(Date.now() - 1000).toISOString(),
    });
    const seen = await (await user.as()).me.get();
    expect(seen.suspensions).toEqual([{ id: active.id, reason: "spam", startsAt: active.startsAt, endsAt: null }]);
  });
});
