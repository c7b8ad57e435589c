import { createHash } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import { describe, expect, it } from "vitest";

import { describeError } from "../src/index";
import { failure } from "./helpers/errors";
import { type SignedUpUser, useTestApp } from "./helpers/test-app";

const app = useTestApp();

const CHROME_ON_LINUX =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36";
const auth = () => app.caller({ door: "auth", client: { userAgent: CHROME_ON_LINUX, ip: "203.0.113.7" } }).auth;

const codeAt = (secretBase32: string, time = Date.now()) =>
  new TOTP({ secret: Secret.fromBase32(secretBase32), digits: 6, period: 30 }).generate({ timestamp: time });

const signIn = (user: SignedUpUser, second: { totp?: string; recoveryCode?: string } = {}) =>
  auth().token({ grant_type: "password", email: user.email, password: user.password, ...second });

/** A user with two-factor on, and the codes `enable` showed once. */
async function withTwoFactor(options: { locale?: "fr"; alerts?: boolean } = {}) {
  const user = await app.signUp();
  const me = await user.as();
  if (options.locale || options.alerts) {
    await me.me.update({
      ...(options.locale && { locale: options.locale }),
      ...(options.alerts && { notifications: ["email_security_alerts"] }),
    });
  }
  const { secretBase32 } = await me.me.totp.begin();
  const enabled = await me.me.totp.enable({ secretBase32, code: codeAt(secretBase32, Date.now() - 30_000) });
  return { user, me, secretBase32, enabled, codes: enabled.recoveryCodes };
}

/** The first issue of a call expected to fail: its path and code. */
async function firstIssue(promise: Promise<unknown>): Promise<{ path: string; code: string } | undefined> {
  try {
    await promise;
  } catch (error) {
    const issue = describeError(error).issues[0];
    return issue && { path: issue.path, code: issue.code };
  }
  throw new Error("Expected the call to fail, but it succeeded");
}

const storedCodes = (userId: string) => app.database.db.recoveryCode.findMany({ where: { userId } });

describe("2FA recovery codes", () => {
  it("enable returns the user and 10 distinct codes in clear, once; only salted SHA-256 hashes are stored", async () => {
    const { user, me, enabled, codes } = await withTwoFactor();
    expect(enabled).toMatchObject({ id: user.id, totpEnabled: true });
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    const stored = await storedCodes(user.id);
    expect(stored).toHaveLength(10);
    const expected = codes.map((code) =>
      createHash("sha256")
        .update(`${user.id}:${code.replaceAll("-", "")}`)
        .digest("hex"),
    );
    expect(stored.map((row) => row.codeHash).sort()).toEqual([...expected].sort());
    const everything = JSON.stringify(stored);
    for (const code of codes) expect(everything).not.toContain(code.replaceAll("-", ""));
    expect(await me.me.totp.recoveryCodes.status()).toEqual({ unused: 10, total: 10 });
  });

  it("signs in once with a recovery code (any case, spaces or dashes); the same code again is refused", async () => {
    const { user, me, codes } = await withTwoFactor();
    const typed = ` ${codes[3]!.toLowerCase().replaceAll("-", " ")} `;
    expect((await signIn(user, { recoveryCode: typed })).user.id).toBe(user.id);
    expect((await failure(signIn(user, { recoveryCode: codes[3]! }))).reason).toBe("totp_invalid");
    expect((await failure(signIn(user, { recoveryCode: "ABCD-EFGH-JKMN-PQRS" }))).reason).toBe("totp_invalid");
    expect(await me.me.totp.recoveryCodes.status()).toEqual({ unused: 9, total: 10 });
    // The web sign-in takes it too (the browser door), and a malformed one is a validation problem.
    const web = app.caller({ door: "web", sessionCookie: { set: () => undefined, clear: () => undefined } });
    const input = { email: user.email, password: user.password, recoveryCode: codes[4]! };
    expect((await web.web.signIn(input)).id).toBe(user.id);
    const malformed = await firstIssue(signIn(user, { recoveryCode: "12345" }));
    expect(malformed).toMatchObject({ path: "recoveryCode", code: "recovery_code_format" });
    expect(await me.me.totp.recoveryCodes.status()).toEqual({ unused: 8, total: 10 });
    // Without the password a code is worth nothing, and is not spent.
    const wrongPassword = auth().token({
      grant_type: "password",
      email: user.email,
      password: "nope",
      recoveryCode: codes[5]!,
    });
    expect((await failure(wrongPassword)).reason).toBe("invalid_credentials");
    expect(await me.me.totp.recoveryCodes.status()).toEqual({ unused: 8, total: 10 });
  });

  it("audits the use (door, device, codes left) and mails an alert in the account's language when alerts are on", async () => {
    const quiet = await withTwoFactor();
    await signIn(quiet.user, { recoveryCode: quiet.codes[0]! });
    const [event] = await app.database.db.auditEvent.findMany({
      where: { userId: quiet.user.id, action: "security.recovery_code_used" },
    });
    expect(event).toMatchObject({
      door: "auth",
      actorUserId: quiet.user.id,
      changes: { recoveryCodes: { from: 10, to: 9 } },
      details: { userAgent: CHROME_ON_LINUX, ip: "203.0.113.7" },
    });
    expect(
      await app.database.db.outboxMail.count({ where: { userId: quiet.user.id, kind: "security_recovery_code_used" } }),
    ).toBe(0);

    const french = await withTwoFactor({ locale: "fr", alerts: true });
    await signIn(french.user, { recoveryCode: french.codes[9]! });
    const mails = await app.database.db.outboxMail.findMany({
      where: { userId: french.user.id, kind: "security_recovery_code_used" },
    });
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to: french.user.email, subject: "Un code de récupération a été utilisé" });
    expect(mails[0]!.text).toContain("Chrome on Linux");
    const activity = await french.me.me.activity({ limit: 5 });
    expect(activity.entries.find((entry) => entry.action === "security.recovery_code_used")).toMatchObject({
      door: "auth",
      device: "Chrome on Linux",
      bySelf: true,
    });
  });

  it("of concurrent sign-ins with the same code, exactly one succeeds", async () => {
    const { user, me, codes } = await withTwoFactor();
    const attempts = await Promise.allSettled(
      Array.from({ length: 6 }, () => signIn(user, { recoveryCode: codes[1]! })),
    );
    expect(attempts.filter((attempt) => attempt.status === "fulfilled")).toHaveLength(1);
    const refusals = attempts.flatMap((attempt) => (attempt.status === "rejected" ? [attempt.reason] : []));
    expect(refusals.map((error) => describeError(error).reason)).toEqual(Array(5).fill("totp_invalid"));
    expect(await me.me.totp.recoveryCodes.status()).toEqual({ unused: 9, total: 10 });
    const audits = await app.database.db.auditEvent.count({
      where: { userId: user.id, action: "security.recovery_code_used" },
    });
    expect(audits).toBe(1);
  });

  it("wrong recovery codes count as failed sign-ins: the per-account-and-address limit stops them", async () => {
    const limits = app.services.config.abuseLimits;
    app.configure({ abuseLimits: { ...limits, signInPerAccountIp: { limit: 3, windowSeconds: 900 } } });
    try {
      const { user, codes } = await withTwoFactor();
      for (let attempt = 0; attempt < 3; attempt += 1) {
        expect((await failure(signIn(user, { recoveryCode: "ZZZZ-ZZZZ-ZZZZ-ZZZZ" }))).reason).toBe("totp_invalid");
      }
      expect((await failure(signIn(user, { recoveryCode: codes[0]! }))).reason).toBe("rate_limited");
    } finally {
      app.configure({ abuseLimits: limits });
    }
  });

  it("regenerate needs the current password, replaces every code and is audited", async () => {
    const { user, me, codes } = await withTwoFactor();
    await signIn(user, { recoveryCode: codes[0]! });
    expect(await firstIssue(me.me.totp.recoveryCodes.regenerate({}))).toMatchObject({
      path: "currentPassword",
      code: "required",
    });
    const wrong = await firstIssue(me.me.totp.recoveryCodes.regenerate({ currentPassword: "not it" }));
    expect(wrong).toMatchObject({ path: "currentPassword", code: "current_password_incorrect" });
    expect(await me.me.totp.recoveryCodes.status()).toEqual({ unused: 9, total: 10 });

    const { recoveryCodes } = await me.me.totp.recoveryCodes.regenerate({ currentPassword: user.password });
    expect(recoveryCodes).toHaveLength(10);
    expect(recoveryCodes.some((code) => codes.includes(code))).toBe(false);
    expect(await me.me.totp.recoveryCodes.status()).toEqual({ unused: 10, total: 10 });
    expect((await failure(signIn(user, { recoveryCode: codes[1]! }))).reason).toBe("totp_invalid"); // old set gone
    expect((await signIn(user, { recoveryCode: recoveryCodes[1]! })).user.id).toBe(user.id);
    const audit = await app.database.db.auditEvent.count({
      where: { userId: user.id, action: "security.recovery_codes_regenerated" },
    });
    expect(audit).toBe(1);
    // Without the security-alerts preference, no mail; with it, the alert in the account's language.
    const kind = "security_recovery_codes_regenerated";
    expect(await app.database.db.outboxMail.count({ where: { userId: user.id, kind } })).toBe(0);
    await me.me.update({ notifications: ["email_security_alerts"], locale: "fr" });
    await me.me.totp.recoveryCodes.regenerate({ currentPassword: user.password });
    const [alert] = await app.database.db.outboxMail.findMany({ where: { userId: user.id, kind } });
    expect(alert).toMatchObject({ to: user.email, subject: "Nouveaux codes de récupération" });
  });

  it("an account without a password regenerates with a TOTP code", async () => {
    const { user, me, secretBase32 } = await withTwoFactor();
    await app.database.db.$executeRaw`UPDATE users SET "passwordHash" = NULL WHERE id = ${user.id}::uuid`;
    const missing = await firstIssue(me.me.totp.recoveryCodes.regenerate({}));
    expect(missing).toMatchObject({ path: "code", code: "required" });
    expect((await firstIssue(me.me.totp.recoveryCodes.regenerate({ code: "000000" })))?.code).toBe("totp_code_invalid");
    const { recoveryCodes } = await me.me.totp.recoveryCodes.regenerate({
      code: codeAt(secretBase32, Date.now() + 30_000),
    });
    expect(recoveryCodes).toHaveLength(10);
  });

  it("turning two-factor off deletes the codes; a secret set through a door starts without codes", async () => {
    const { user, me, secretBase32, codes } = await withTwoFactor();
    await me.me.totp.disable({ code: codeAt(secretBase32) });
    expect(await storedCodes(user.id)).toHaveLength(0);
    expect(await me.me.totp.recoveryCodes.status()).toEqual({ unused: 0, total: 0 });
    expect((await firstIssue(me.me.totp.recoveryCodes.regenerate({ currentPassword: user.password })))?.code).toBe(
      "totp_off",
    );
    // Off: a recovery code is not needed and not checked.
    expect((await signIn(user, { recoveryCode: codes[0]! })).user.id).toBe(user.id);

    const again = await withTwoFactor();
    await (
      await again.user.as("dialect-d")
    ).me.update({ totpSecretBase64: Buffer.from("12345678901234567890").toString("base64") });
    expect(await storedCodes(again.user.id)).toHaveLength(0);
    expect((await failure(signIn(again.user, { recoveryCode: again.codes[0]! }))).reason).toBe("totp_invalid");
  });
});
