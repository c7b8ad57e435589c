import { describe, expect, it } from "vitest";

import { failure } from "./helpers/errors";
import { useTestApp } from "./helpers/test-app";

const app = useTestApp();
const signIn = (email: string, password: string) =>
  app.anonymous("auth").auth.token({ grant_type: "password", email, password });

describe("sessions", () => {
  it("lists the caller's live devices, current one marked", async () => {
    const user = await app.signUp();
    await signIn(user.email, user.password);
    const sessions = await (await user.as()).sessions.list();
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((session) => session.current)).toHaveLength(1);
    expect(sessions[0]).toMatchObject({ device: expect.any(String), createdAt: expect.any(String) });
  });

  it("revokes one device, or every other one; never someone else's", async () => {
    const user = await app.signUp();
    const laptop = await signIn(user.email, user.password);
    const phone = await signIn(user.email, user.password);
    const me = await user.as();
    const phoneSession = (await me.sessions.list()).find((session) => !session.current && session)!;
    await me.sessions.revoke({ sessionId: phoneSession.id });
    expect(await me.sessions.list()).toHaveLength(2);
    expect((await me.sessions.revokeOthers()).revoked).toBe(1);
    expect(await me.sessions.list()).toHaveLength(1);
    for (const token of [laptop.accessToken, phone.accessToken]) {
      expect((await failure((await app.withToken(token)).me.get())).reason).toBe("session_revoked");
    }
    const other = await app.signUp();
    const theirs = (await (await other.as()).sessions.list())[0]!;
    expect((await failure(me.sessions.revoke({ sessionId: theirs.id }))).reason).toBe("user_not_found");
    expect((await (await other.as()).me.get()).id).toBe(other.id);
  });

  it("a password change may keep the other devices signed in when asked", async () => {
    const user = await app.signUp({ password: "first password" });
    const laptop = await signIn(user.email, "first password");
    await (
      await user.as()
    ).me.update({ password: "second password", currentPassword: "first password", signOutOtherSessions: false });
    expect((await (await app.withToken(laptop.accessToken)).me.get()).id).toBe(user.id);
  });
});
