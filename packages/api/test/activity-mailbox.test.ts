import { describe, expect, it } from "vitest";

import { failure } from "./helpers/errors";
import { useTestApp } from "./helpers/test-app";

const app = useTestApp();

describe("activity", () => {
  it("lists what changed on the caller's account, newest first, page by page", async () => {
    const user = await app.signUp();
    const me = await user.as("dialect-e");
    await me.me.update({ firstName: "A" });
    await me.me.update({ firstName: "B" });
    await app.server().users.update({ userId: user.id, changes: { appMetadata: { plan: "pro" } } });
    const first = await me.me.activity({ limit: 2 });
    expect(first.entries.map((entry) => entry.changes)).toEqual([
      { appMetadata: { from: { provider: "email" }, to: { plan: "pro" } } },
      { firstName: { from: "A", to: "B" } },
    ]);
    expect(first.entries[0]).toMatchObject({ actorType: "server", bySelf: false, door: "admin" });
    expect(first.entries[1]).toMatchObject({
      actorType: "user",
      bySelf: true,
      door: "dialect-e",
      action: "user.update",
    });
    const second = await me.me.activity({ limit: 2, before: first.nextBefore! });
    expect(second.entries.map((entry) => entry.action)).toEqual(["user.update", "user.signup"]);
    const other = await (await app.signUp()).as();
    expect((await other.me.activity()).entries.map((entry) => entry.action)).toEqual(["user.signup"]);
  });
});

describe("development mailbox", () => {
  it("shows a user the mails of their own account while no SMTP server is configured", async () => {
    const user = await app.signUp({ email: "mine@example.com" });
    await app.signUp({ email: "theirs@example.com" });
    const mails = await (await user.as()).mailbox.list();
    expect(mails.map((mail) => mail.to)).toEqual(["mine@example.com"]);
    expect(mails[0]!.text).toContain("/api/auth/verify-email?token=");
    expect((await app.server().mailbox.list()).map((mail) => mail.to).sort()).toEqual([
      "mine@example.com",
      "theirs@example.com",
    ]);
  });

  it("does not exist once mail is sent through SMTP", async () => {
    const user = await app.signUp();
    app.configure({ smtpUrl: "smtp://127.0.0.1:2525" });
    try {
      expect((await failure((await user.as()).mailbox.list())).reason).toBe("mailbox_disabled");
    } finally {
      app.configure({ smtpUrl: undefined });
    }
  });
});
