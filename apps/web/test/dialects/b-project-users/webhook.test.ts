import { createHmac } from "node:crypto";
import { startWebhookReceiver, type WebhookReceiver } from "@profilehub/api/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { useDialectApp } from "../helpers/dialect-app";
import { closedPortUrl, patch } from "./helpers";

const SECRET = "whsec_dialect_b_0123456789";
const P = "proj1234";
const app = useDialectApp({ webhookTimeoutMs: 500 });
const stored = (id: string) => app.database.db.user.findUniqueOrThrow({ where: { id } });
const signUp = (projectId = P) => app.signUp({ projectId });
let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await startWebhookReceiver(SECRET, 1500);
});
afterAll(() => receiver.close());
beforeEach(() => {
  receiver.mode = "accept";
  receiver.received.length = 0;
});

describe("dialect B — validateUserUpdated webhook", () => {
  async function hookedUser(url = receiver.url) {
    await app
      .server()
      .admin.upsertProject({ projectId: P, webhooks: { validateUserUpdated: { url, secret: SECRET } } });
    return signUp();
  }

  it("is called before the write with the normalized change, signed; an accept lets it through", async () => {
    const user = await hookedUser();
    const update = { username: " New_Name ", metadata: { theme: "dark" }, secureMetadata: { k: "hidden-v" } };
    const response = await patch(user.accessToken, P, user.id, { update });
    expect([response.status, response.json.username]).toEqual([200, "new_name"]);
    expect(receiver.received).toHaveLength(1);
    const [hook] = receiver.received;
    const expected = createHmac("sha256", SECRET)
      .update(`${String(hook!.headers["x-timestamp"])}.${hook!.body}`)
      .digest("hex");
    expect(hook!.headers["x-signature"]).toBe(expected);
    expect(hook!.json).toMatchObject({
      type: "validateUserUpdated",
      data: { userId: user.id, projectId: P, door: "dialect-b" },
    });
    expect(hook!.json.data.changes).toEqual({
      username: { from: null, to: "new_name" },
      userMetadata: { from: {}, to: { theme: "dark" } },
      secureMetadata: { from: "[redacted]", to: "[redacted]" },
    });
    expect(hook!.body).not.toContain("hidden-v");
  });

  it("a rejection blocks the update: 400 user/validation-failed with the webhook's message", async () => {
    const user = await hookedUser();
    receiver.mode = "reject";
    const response = await patch(user.accessToken, P, user.id, { update: { username: "administrator" } });
    expect([response.status, response.json]).toEqual([
      400,
      { error: "Usernames containing admin are reserved", code: "user/validation-failed" },
    ]);
    expect((await stored(user.id)).username).toBeNull();
  });

  it.each([
    ["bad-signature", "The validation webhook's reply is not signed correctly"],
    ["unsigned", "The validation webhook's reply is not signed correctly"],
    ["error-500", "The validation webhook answered with status 500"],
    ["slow", "The validation webhook did not answer in time"],
    ["down", "The validation webhook is unreachable"],
  ] as const)("fails closed when the receiver is %s: 500 user/server-error, nothing written", async (mode, details) => {
    const user = await hookedUser(mode === "down" ? await closedPortUrl() : receiver.url);
    if (mode !== "down") receiver.mode = mode;
    const response = await patch(user.accessToken, P, user.id, { update: { username: "blocked", bio: "b" } });
    expect([response.status, response.json]).toEqual([
      500,
      { error: "Internal server error", code: "user/server-error", details },
    ]);
    expect(response.text).not.toContain("127.0.0.1");
    expect(await stored(user.id)).toMatchObject({ username: null, bio: null });
    const audits = await app.database.db.auditEvent.count({ where: { userId: user.id, action: "user.update" } });
    expect(audits).toBe(0);
  });
});
