import { describe, expect, it } from "vitest";

import { failure } from "./helpers/errors";
import { linkToken, useSmtpServer } from "./helpers/smtp-server";
import { TEST_CONFIG, useTestApp } from "./helpers/test-app";

const app = useTestApp();
const smtp = useSmtpServer(app);

const to = (address: string, subject: string) => (mail: { to: string[]; subject: string }) =>
  mail.to.includes(address) && mail.subject === subject;

/** Sign-up sends a verification mail first; wait for it so later waits only see new mails. */
async function signUpQuietly() {
  const user = await app.signUp();
  await smtp.waitForMail(to(user.email, "Verify your email address"));
  smtp.mails.length = 0;
  return user;
}

describe("email change, pending mode (native API, dialect A)", () => {
  it("keeps the old address until the link sent to the new one is opened", async () => {
    const user = await signUpQuietly();
    const me = await user.as("dialect-a");
    const pending = await me.me.update({ email: "New.Address@Example.com" });
    expect(pending).toMatchObject({ email: user.email, pendingEmail: "new.address@example.com" });

    const toNew = await smtp.waitForMail(to("new.address@example.com", "Confirm your new email address"));
    const toOld = await smtp.waitForMail(to(user.email, "Your email address is being changed"));
    expect(toNew.text).toContain("http://localhost:3000/api/auth/verify-email?token=");
    expect(toNew.html).toContain("<a href=");
    expect(toOld.text).toContain("new.address@example.com");

    const verified = await app.anonymous("auth").auth.verifyEmail({ token: linkToken(toNew) });
    expect(verified).toEqual({ email: "new.address@example.com", purpose: "change_email" });
    const after = await me.me.get();
    expect(after).toMatchObject({ email: "new.address@example.com", pendingEmail: null, emailVerified: true });
    // The link is single use.
    expect((await failure(app.anonymous("auth").auth.verifyEmail({ token: linkToken(toNew) }))).reason).toBe(
      "email_token_invalid",
    );
  });

  it("refuses an address another account already uses, and sends nothing", async () => {
    const other = await app.signUp();
    const user = await signUpQuietly();
    smtp.mails.length = 0;
    const taken = await failure((await user.as()).me.update({ email: other.email }));
    expect(taken).toMatchObject({
      code: "CONFLICT",
      issues: [{ path: "email", message: "Email has already been taken" }],
    });
    expect(await app.database.db.outboxMail.count({ where: { userId: user.id, kind: { not: "email_verify" } } })).toBe(
      0,
    );
  });

  it("applies at once when EMAIL_CHANGE_CONFIRMATION is off (dialect A)", async () => {
    app.configure({ emailChangeConfirmation: false });
    try {
      const user = await signUpQuietly();
      const changed = await (await user.as("dialect-a")).me.update({ email: "direct@example.com" });
      expect(changed).toMatchObject({ email: "direct@example.com", emailVerified: false, pendingEmail: null });
    } finally {
      app.configure({ emailChangeConfirmation: true });
    }
  });
});

describe("email change, immediate mode (dialects C, D, E)", () => {
  it.each(["dialect-c", "dialect-d", "dialect-e"] as const)(
    "%s applies the address at once, unverified, and mails both",
    async (door) => {
      const user = await signUpQuietly();
      await app.database.db.user.update({ where: { id: user.id }, data: { emailVerifiedAt: new Date() } });
      // The doors' policies: C's document requires the names with every update; D's client
      // access cannot change the email (Stack's client schema), its server access can.
      const me =
        door === "dialect-d"
          ? await app.withToken(user.accessToken, door, TEST_CONFIG.serverApiKey)
          : await user.as(door);
      const names = door === "dialect-c" ? { firstName: "Ada", lastName: "Lovelace" } : {};
      const changed = await me.me.update({ email: `${door}@example.com`, ...names });
      expect(changed).toMatchObject({ email: `${door}@example.com`, emailVerified: false, pendingEmail: null });

      const toNew = await smtp.waitForMail(to(`${door}@example.com`, "Verify your email address"));
      const notice = await smtp.waitForMail(to(user.email, "Your email address is being changed"));
      expect(notice.text).toContain(`changed to ${door}@example.com`);

      await app.anonymous("auth").auth.verifyEmail({ token: linkToken(toNew) });
      expect((await me.me.get()).emailVerified).toBe(true);
    },
  );

  it("re-sending the current address changes nothing and mails nobody", async () => {
    const user = await signUpQuietly();
    const me = await user.as("dialect-e");
    await me.me.update({ email: user.email });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(smtp.mails).toHaveLength(0);
  });

  it("a verification link for a replaced address no longer works", async () => {
    const user = await signUpQuietly();
    const me = await user.as("dialect-e");
    await me.me.update({ email: "first@example.com" });
    const first = await smtp.waitForMail(to("first@example.com", "Verify your email address"));
    await me.me.update({ email: "second@example.com" });
    const error = await failure(app.anonymous("auth").auth.verifyEmail({ token: linkToken(first) }));
    expect(error.reason).toBe("email_token_invalid");
    expect((await me.me.get()).emailVerified).toBe(false);
  });
});

describe("sign-up verification", () => {
  it("mails a working verification link to the new account", async () => {
    const user = await app.signUp();
    const mail = await smtp.waitForMail(to(user.email, "Verify your email address"));
    await app.anonymous("auth").auth.verifyEmail({ token: linkToken(mail) });
    expect((await (await user.as()).me.get()).emailVerified).toBe(true);
  });
});
