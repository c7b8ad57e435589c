import { Secret, TOTP } from "otpauth";
import { describe, expect, it } from "vitest";

import { recordSecurityEvent } from "../src/services/security-events";
import { type Caller, useTestApp } from "./helpers/test-app";

const app = useTestApp();

const CHROME_LINUX =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36";
const FIREFOX_MAC = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:128.0) Gecko/20100101 Firefox/128.0";

const codeAt = (secretBase32: string, time = Date.now()) =>
  new TOTP({ secret: Secret.fromBase32(secretBase32), digits: 6, period: 30 }).generate({ timestamp: time });

/** The password grant from a client with this user agent. */
const signInFrom = (userAgent: string, email: string, password: string) =>
  app
    .caller({ door: "auth", client: { userAgent, ip: "203.0.113.7" } })
    .auth.token({ grant_type: "password", email, password });

const events = (userId: string, action: string) =>
  app.database.db.auditEvent.findMany({ where: { userId, action }, orderBy: { id: "asc" } });
const alerts = (userId: string) =>
  app.database.db.outboxMail.findMany({
    where: { userId, kind: { startsWith: "security_" } },
    orderBy: { createdAt: "asc" },
  });

async function withAlerts(user: { as(): Promise<Caller> }, locale: "en" | "fr" = "en") {
  await (await user.as()).me.update({ notifications: ["email_security_alerts"], locale });
}

describe("security events", () => {
  it("records every door's sign-in with its device; mails an alert only when alerts are on", async () => {
    const user = await app.signUp();
    await signInFrom(CHROME_LINUX, user.email, user.password);
    const [quiet] = await events(user.id, "security.sign_in");
    expect(quiet).toMatchObject({ door: "auth", actorType: "user", actorUserId: user.id });
    expect(quiet!.details).toEqual({ userAgent: CHROME_LINUX, ip: "203.0.113.7" });
    expect(await alerts(user.id)).toHaveLength(0);

    await withAlerts(user);
    await signInFrom(FIREFOX_MAC, user.email, user.password);
    await app
      .caller({ door: "dialect-d", client: { userAgent: CHROME_LINUX, ip: null } })
      .stack.signIn({ projectId: "default", email: user.email, password: user.password });
    const doors = (await events(user.id, "security.sign_in")).map((event) => event.door);
    expect(doors).toEqual(["auth", "auth", "dialect-d"]);
    const mails = await alerts(user.id);
    expect(mails.map((mail) => [mail.kind, mail.to, mail.subject])).toEqual([
      ["security_sign_in", user.email, "New sign-in to your account"],
      ["security_sign_in", user.email, "New sign-in to your account"],
    ]);
    expect(mails[0]!.text).toContain("Device: Firefox on macOS.");
    expect(mails[0]!.text).toMatch(/When: \d{1,2} \w+ \d{4}.* UTC\./);
    expect(mails[1]!.text).toContain("Device: Chrome on Linux.");

    const activity = await (await user.as()).me.activity();
    expect(activity.entries[0]).toMatchObject({
      action: "security.sign_in",
      door: "dialect-d",
      device: "Chrome on Linux",
    });
  });

  it("mails a French account in French", async () => {
    const user = await app.signUp();
    await withAlerts(user, "fr");
    await signInFrom(FIREFOX_MAC, user.email, user.password);
    const [mail] = await alerts(user.id);
    expect(mail!.subject).toBe("Nouvelle connexion à votre compte");
    expect(mail!.text).toContain("Appareil : Firefox on macOS.");
    expect(mail!.text).toMatch(/Quand : \d{1,2} \p{L}+\.? \d{4}.* UTC\./u);
  });

  it("records sign-out and revocations with the ended session's device, and mails nothing", async () => {
    const user = await app.signUp();
    await withAlerts(user);
    const laptop = await signInFrom(FIREFOX_MAC, user.email, user.password);
    await signInFrom(CHROME_LINUX, user.email, user.password);
    const me = await user.as();
    const phone = (await me.sessions.list()).find((session) => session.device === "Chrome on Linux")!;
    await me.sessions.revoke({ sessionId: phone.id });
    await (await app.withToken(laptop.accessToken, "auth")).auth.signOut();
    const revoked = await events(user.id, "security.session_revoked");
    expect(revoked.map((event) => [event.door, (event.details as { sessionId: string }).sessionId])).toEqual([
      ["trpc", phone.id],
    ]);
    const [signOut] = await events(user.id, "security.sign_out");
    expect(signOut).toMatchObject({ door: "auth", details: { userAgent: FIREFOX_MAC } });
    // Signing out again ends nothing and records nothing.
    await (await app.withToken(laptop.accessToken, "auth")).auth.signOut().catch(() => {});
    expect(await events(user.id, "security.sign_out")).toHaveLength(1);
    const kinds = (await alerts(user.id)).map((mail) => mail.kind);
    expect(kinds).toEqual(["security_sign_in", "security_sign_in"]);
    expect((await me.sessions.revokeOthers()).revoked).toBe(0);
    expect(await events(user.id, "security.session_revoked")).toHaveLength(1);
  });

  it("a password change (any door) is an event with an alert when alerts are on", async () => {
    const user = await app.signUp({ password: "first password" });
    const me = await user.as("dialect-e");
    await me.me.update({ password: "second password", currentPassword: "first password" });
    expect(await alerts(user.id)).toHaveLength(0);
    await withAlerts(user, "fr");
    await me.me.update({ password: "third password", currentPassword: "second password" });
    const changed = await events(user.id, "security.password_changed");
    expect(changed.map((event) => [event.door, event.changes])).toEqual([
      ["dialect-e", { password: { from: "[redacted]", to: "[redacted]" } }],
      ["dialect-e", { password: { from: "[redacted]", to: "[redacted]" } }],
    ]);
    expect(await events(user.id, "user.update")).toHaveLength(1); // the preferences, not the password
    expect((await alerts(user.id)).map((mail) => mail.subject)).toEqual(["Votre mot de passe a été modifié"]);
  });

  it("2FA on and off read off → on and on → off, each with an alert", async () => {
    const user = await app.signUp();
    await withAlerts(user);
    const me = await user.as("web");
    const { secretBase32 } = await me.me.totp.begin();
    await me.me.totp.enable({ secretBase32, code: codeAt(secretBase32, Date.now() - 30_000) });
    await me.me.totp.disable({ code: codeAt(secretBase32) });
    const on = await events(user.id, "security.totp_enabled");
    const off = await events(user.id, "security.totp_disabled");
    expect(on.map((event) => event.changes)).toEqual([{ twoFactor: { from: "off", to: "on" } }]);
    expect(off.map((event) => event.changes)).toEqual([{ twoFactor: { from: "on", to: "off" } }]);
    expect((await alerts(user.id)).map((mail) => mail.subject)).toEqual([
      "Two-factor authentication turned on",
      "Two-factor authentication turned off",
    ]);
  });

  it("a confirmed email change reads old → new, and alerts the old address", async () => {
    const user = await app.signUp({ email: "old@example.com" });
    await withAlerts(user, "fr");
    const me = await user.as();
    await me.me.update({ email: "new@example.com" });
    const [confirm] = await app.database.db.outboxMail.findMany({ where: { kind: "email_change_confirm" } });
    expect(confirm!.subject).toBe("Confirmez votre nouvelle adresse e-mail");
    const token = /token=([A-Za-z0-9_%-]+)/.exec(confirm!.text)![1]!;
    await app.caller({ door: "auth", client: { userAgent: CHROME_LINUX, ip: null } }).auth.verifyEmail({ token });
    const [changed] = await events(user.id, "security.email_changed");
    expect(changed!.changes).toMatchObject({ email: { from: "old@example.com", to: "new@example.com" } });
    expect(await events(user.id, "user.email_verified")).toHaveLength(0);
    const [alert] = await alerts(user.id);
    expect(alert).toMatchObject({ to: "old@example.com", subject: "Votre adresse e-mail a été modifiée" });
    expect(alert!.text).toContain("old@example.com à new@example.com");
    const activity = await me.me.activity();
    expect(activity.entries[0]).toMatchObject({ action: "security.email_changed", device: "Chrome on Linux" });
  });

  it("an email change applied at once is an event, without a second mail beside the notice", async () => {
    const user = await app.signUp({ email: "before@example.com" });
    await withAlerts(user);
    await (await user.as("dialect-d")).me.update({ email: "after@example.com" });
    const [changed] = await events(user.id, "security.email_changed");
    expect(changed!.changes).toEqual({ email: { from: "before@example.com", to: "after@example.com" } });
    expect(await alerts(user.id)).toHaveLength(0);
    const kinds = await app.database.db.outboxMail.findMany({ where: { userId: user.id }, select: { kind: true } });
    expect(kinds.map((mail) => mail.kind).sort()).toEqual(["email_change_notice", "email_verify", "email_verify"]);
  });

  it("every mail of a French account is in French", async () => {
    const user = await app.signUp({ email: "fr@example.com" });
    const me = await user.as();
    await me.me.update({ locale: "fr" });
    await me.me.resendVerification();
    await (await user.as("dialect-d")).me.update({ email: "fr2@example.com" });
    const mails = await app.database.db.outboxMail.findMany({ where: { userId: user.id } });
    expect(mails.map((mail) => `${mail.to}: ${mail.subject}`).sort()).toEqual([
      "fr2@example.com: Vérifiez votre adresse e-mail",
      "fr@example.com: Verify your email address", // sign-up: the account was English then
      "fr@example.com: Votre adresse e-mail est en cours de modification",
      "fr@example.com: Vérifiez votre adresse e-mail",
    ]);
    const notice = mails.find((mail) => mail.kind === "email_change_notice")!;
    expect(notice.text).toContain("L’adresse e-mail de votre compte ProfileHub a été remplacée par fr2@example.com.");
    expect(notice.html).toContain("remplacée par fr2@example.com");
  });

  it("is one seam other flows call with a kind and its facts", async () => {
    const user = await app.signUp();
    const mail = { notified: 0, notify: () => void (mail.notified += 1) };
    const client = { userAgent: FIREFOX_MAC, ip: null };
    const event = { kind: "recovery_code_used", door: "auth", requestId: "req-1", client } as const;
    expect(await recordSecurityEvent({ db: app.database.db, mail }, user.id, event)).toEqual({
      recorded: true,
      alerted: false,
    });
    await withAlerts(user);
    expect(await recordSecurityEvent({ db: app.database.db, mail }, user.id, event)).toEqual({
      recorded: true,
      alerted: true,
    });
    expect(mail.notified).toBe(1);
    expect(await events(user.id, "security.recovery_code_used")).toHaveLength(2);
    expect((await alerts(user.id)).map((row) => row.subject)).toEqual(["A recovery code was used"]);
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect(await recordSecurityEvent({ db: app.database.db, mail }, unknown, event)).toEqual({
      recorded: false,
      alerted: false,
    });
  });
});
