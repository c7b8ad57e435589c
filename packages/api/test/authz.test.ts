import { describe, expect, it } from "vitest";

import { failure } from "./helpers/errors";
import { useTestApp } from "./helpers/test-app";

const app = useTestApp();

describe("authorization: a user can only read and change their own account", () => {
  it("cannot read another user, by id or by number", async () => {
    const alice = await app.signUp();
    const bob = await app.signUp();
    const asBob = await bob.as();
    expect((await failure(asBob.users.get({ userId: alice.id }))).reason).toBe("forbidden");
    expect((await failure(asBob.users.get({ userNumber: alice.number }))).reason).toBe("forbidden");
    expect((await asBob.users.get({ userNumber: bob.number })).id).toBe(bob.id);
  });

  it("cannot change another user, and nothing is written", async () => {
    const alice = await app.signUp();
    const bob = await app.signUp();
    const asBob = await bob.as();
    const attempt = await failure(asBob.users.update({ userId: alice.id, changes: { displayName: "pwned" } }));
    expect(attempt).toMatchObject({ code: "FORBIDDEN", reason: "forbidden" });
    const byNumber = await failure(asBob.users.update({ userNumber: alice.number, changes: { bio: "pwned" } }));
    expect(byNumber.reason).toBe("forbidden");
    const aliceNow = await (await alice.as()).me.get();
    expect(aliceNow.displayName).toBeNull();
    expect(aliceNow.bio).toBeNull();
    expect(await app.database.db.auditEvent.count({ where: { userId: alice.id, action: "user.update" } })).toBe(0);
  });

  it("tells nothing about another account: no password or email checks run for someone else", async () => {
    const alice = await app.signUp({ password: "alice password" });
    const bob = await app.signUp();
    const asBob = await bob.as("dialect-e");
    const guess = await failure(
      asBob.users.update({ userNumber: alice.number, changes: { password: "alice password" } }),
    );
    expect(guess).toMatchObject({ reason: "forbidden", issues: [] });
    const taken = await failure(
      asBob.users.update({ userId: alice.id, changes: { email: bob.email, bio: 5 } as never }),
    );
    expect(taken).toMatchObject({ reason: "forbidden", issues: [] });
    const unknown = await failure(asBob.users.update({ userNumber: 999_999, changes: { password: "x" } }));
    expect(unknown.reason).toBe("user_not_found");
  });

  it("reports a revoked session before any validation problem", async () => {
    const user = await app.signUp();
    const me = await user.as();
    await me.auth.signOut();
    expect((await failure(me.me.update({ locale: "xx" } as never))).reason).toBe("session_revoked");
    expect((await failure(me.me.update({ password: "new password", currentPassword: "wrong" }))).reason).toBe(
      "session_revoked",
    );
  });

  it("does not find users of another project, even one's own id under another project", async () => {
    const alice = await app.signUp({ projectId: "proj-a" });
    const asAlice = await alice.as();
    expect((await failure(asAlice.users.get({ userId: alice.id, projectId: "proj-b" }))).reason).toBe("user_not_found");
    const missing = await failure(
      asAlice.users.update({ userId: "00000000-0000-4000-8000-000000000000", changes: {} }),
    );
    expect(missing).toMatchObject({ code: "NOT_FOUND", reason: "user_not_found" });
    expect((await asAlice.users.get({ userId: alice.id, projectId: "proj-a" })).projectId).toBe("proj-a");
  });

  it("keeps emails unique per project only", async () => {
    const first = await app.signUp({ email: "same@example.com", projectId: "one" });
    const second = await app.signUp({ email: "same@example.com", projectId: "two" });
    expect(first.id).not.toBe(second.id);
    const duplicate = await failure(app.signUp({ email: "SAME@example.com", projectId: "one" }));
    expect(duplicate).toMatchObject({
      code: "CONFLICT",
      issues: [{ path: "email", message: "Email has already been taken" }],
    });
  });

  it("lets server access read and change any user, including server-only fields", async () => {
    const alice = await app.signUp();
    const server = app.server();
    const { user, changes } = await server.users.update({
      userId: alice.id,
      changes: { appMetadata: { plan: "pro" }, serverMetadata: { stripeId: "cus_1" }, emailVerified: true },
    });
    expect(user.appMetadata).toEqual({ plan: "pro" });
    expect(user.serverMetadata).toEqual({ stripeId: "cus_1" });
    expect(user.emailVerified).toBe(true);
    expect(changes.serverMetadata).toEqual({ from: "[redacted]", to: "[redacted]" });
    const seenByAlice = await (await alice.as()).me.get();
    expect(seenByAlice.appMetadata).toEqual({ plan: "pro" });
    expect(seenByAlice).not.toHaveProperty("serverMetadata");
  });

  it("refuses anonymous calls and wrong server keys", async () => {
    expect((await failure(app.anonymous().me.get())).reason).toBe("token_missing");
    expect((await failure(app.anonymous().users.get({ userNumber: 1 }))).reason).toBe("token_missing");
    expect((await failure(app.anonymous().admin.createTeam({ displayName: "x" }))).reason).toBe("server_key_invalid");
  });
});
