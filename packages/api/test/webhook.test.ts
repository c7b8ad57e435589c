import { createServer } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { failure } from "./helpers/errors";
import { useTestApp } from "./helpers/test-app";
import { startWebhookReceiver, type WebhookReceiver } from "./helpers/webhook-receiver";

const SECRET = "whsec_test_0123456789abcdef";
const app = useTestApp({ webhookTimeoutMs: 500 });
let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await startWebhookReceiver(SECRET, 1500);
});
afterAll(() => receiver.close());
beforeEach(() => {
  receiver.mode = "accept";
  receiver.received.length = 0;
});

async function hookedUser(url = receiver.url) {
  await app
    .server()
    .admin.upsertProject({ projectId: "hooked", webhooks: { validateUserUpdated: { url, secret: SECRET } } });
  return app.signUp({ projectId: "hooked" });
}

async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/gone`;
}

describe("validateUserUpdated webhook", () => {
  it("is called before the write with the normalized change, signed, and an accept lets it through", async () => {
    const user = await hookedUser();
    const updated = await (
      await user.as("dialect-b")
    ).me.update({ username: "  New_Name ", userMetadataPatch: { theme: "dark" } });
    expect(updated.username).toBe("new_name");
    expect(receiver.received).toHaveLength(1);
    const [hook] = receiver.received;
    expect(hook!.signatureValid).toBe(true);
    expect(hook!.json.type).toBe("validateUserUpdated");
    expect(hook!.json.data).toMatchObject({
      userId: user.id,
      projectId: "hooked",
      door: "dialect-b",
      changes: { username: { from: null, to: "new_name" }, userMetadata: { from: {}, to: { theme: "dark" } } },
    });
    expect(hook!.json.data.user).not.toHaveProperty("serverMetadata");
    expect(hook!.body).not.toContain("passwordHash");
  });

  it("runs for every door, and redacts secrets in the change", async () => {
    const user = await hookedUser();
    await (await user.as("trpc")).me.update({ password: "a new password", currentPassword: user.password });
    expect(receiver.received[0]!.json.data.changes).toEqual({ password: { from: "[redacted]", to: "[redacted]" } });
    expect(receiver.received[0]!.body).not.toContain("a new password");
  });

  it.each([
    ["reject", "webhook_rejected", "Usernames containing admin are reserved"],
    ["bad-signature", "webhook_failed", "not signed correctly"],
    ["unsigned", "webhook_failed", "not signed correctly"],
    ["error-500", "webhook_failed", "status 500"],
    ["slow", "webhook_failed", "did not answer in time"],
  ] as const)("blocks the update when the receiver answers %s, and writes nothing", async (mode, reason, message) => {
    const user = await hookedUser();
    receiver.mode = mode;
    const error = await failure((await user.as("dialect-b")).me.update({ username: "administrator" }));
    expect(error.reason).toBe(reason);
    expect(error.message).toContain(message);
    const row = await app.database.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.username).toBeNull();
    expect(await app.database.db.auditEvent.count({ where: { userId: user.id, action: "user.update" } })).toBe(0);
  });

  it("blocks the update when the receiver is down", async () => {
    const user = await hookedUser(await closedPortUrl());
    const error = await failure((await user.as("dialect-e")).me.update({ bio: "x" }));
    expect(error).toMatchObject({ reason: "webhook_failed", message: "The validation webhook is unreachable" });
  });

  it("is not called once removed, nor for other projects", async () => {
    const user = await hookedUser();
    await app.server().admin.upsertProject({ projectId: "hooked", webhooks: { validateUserUpdated: null } });
    await (await user.as()).me.update({ bio: "free" });
    await (await (await app.signUp()).as()).me.update({ bio: "default project" });
    expect(receiver.received).toHaveLength(0);
  });

  it("never returns the webhook secret", async () => {
    const project = await app.server().admin.upsertProject({
      projectId: "hooked",
      webhooks: { validateUserUpdated: { url: receiver.url, secret: SECRET } },
    });
    expect(project).toEqual({
      id: "hooked",
      name: "hooked",
      webhooks: { validateUserUpdated: { url: receiver.url } },
      publishableClientKey: null,
      clientUserDeletionEnabled: false,
    });
    const row = await app.database.db.project.findUniqueOrThrow({ where: { id: "hooked" } });
    expect(row.webhookSecretEncrypted).not.toContain(SECRET);
  });
});
