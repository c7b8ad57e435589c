import { describe, expect, it } from "vitest";

import { useTestApp } from "./helpers/test-app";

const app = useTestApp();

const auditOf = (userId: string) =>
  app.database.db.auditEvent.findMany({ where: { userId, action: "user.update" }, orderBy: { id: "asc" } });

describe("audit log", () => {
  it("records actor, door, request id and the field diff of each successful change", async () => {
    const user = await app.signUp();
    const me = app.caller({
      door: "dialect-b",
      requestId: "req-123",
      session: await sessionOf(user.accessToken),
    });
    await me.me.update({ displayName: "Ada", location: { longitude: 1, latitude: 2 }, userMetadataPatch: { a: 1 } });
    const [event] = await auditOf(user.id);
    expect(event).toMatchObject({ actorType: "user", actorUserId: user.id, door: "dialect-b", requestId: "req-123" });
    expect(event!.changes).toEqual({
      displayName: { from: null, to: "Ada" },
      location: { from: null, to: { longitude: 1, latitude: 2 } },
      userMetadata: { from: {}, to: { a: 1 } },
    });
  });

  it("lists only fields that really changed", async () => {
    const me = await (await app.signUp()).as();
    await me.me.update({ displayName: "Ada", bio: "x" });
    const user = await me.me.update({ displayName: "Ada", bio: "y" });
    const events = await auditOf(user.id);
    expect(events.at(-1)!.changes).toEqual({ bio: { from: "x", to: "y" } });
  });

  it("redacts secrets but says they changed", async () => {
    const user = await app.signUp();
    const server = app.server();
    await server.users.update({
      userId: user.id,
      changes: { serverMetadata: { apiKey: "sk_live_123" }, totpSecretBase64: Buffer.alloc(20, 1).toString("base64") },
    });
    const me = await user.as();
    await me.me.update({ password: "another password", currentPassword: user.password });
    const all = await app.database.db.auditEvent.findMany({ where: { userId: user.id }, orderBy: { id: "asc" } });
    const text = JSON.stringify(all.map((event) => [event.changes, event.details]));
    expect(text).not.toContain("sk_live_123");
    expect(text).not.toContain("argon2");
    expect(text).not.toContain("another password");
    expect(text).not.toContain(Buffer.alloc(20, 1).toString("base64"));
    // Security fields are recorded by their security events, the rest by the update's row.
    const [first, second] = await auditOf(user.id);
    expect(second).toBeUndefined();
    expect(first!.actorType).toBe("server");
    expect(first!.changes).toEqual({ serverMetadata: { from: "[redacted]", to: "[redacted]" } });
    const security = all.filter((event) => event.action.startsWith("security."));
    expect(security.map((event) => [event.action, event.actorType, event.changes])).toEqual([
      ["security.totp_enabled", "server", { twoFactor: { from: "off", to: "on" } }],
      ["security.password_changed", "user", { password: { from: "[redacted]", to: "[redacted]" } }],
    ]);
  });

  it("writes nothing for a refused change", async () => {
    const alice = await app.signUp();
    const bob = await app.signUp();
    await (await bob.as()).users.update({ userId: alice.id, changes: { bio: "x" } }).catch(() => {});
    expect(await auditOf(alice.id)).toHaveLength(0);
    expect(await auditOf(bob.id)).toHaveLength(0);
  });
});

async function sessionOf(accessToken: string) {
  const claims = await app.services.tokens.verify(accessToken);
  return { userId: claims.sub, userNumber: claims.num, projectId: claims.pid, sessionId: claims.sid };
}
