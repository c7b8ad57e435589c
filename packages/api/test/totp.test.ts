import { Secret, TOTP } from "otpauth";
import { describe, expect, it } from "vitest";

import { failure } from "./helpers/errors";
import { useTestApp } from "./helpers/test-app";

const app = useTestApp();

/** What an authenticator app shows for this secret at `time`. */
const codeAt = (secretBase32: string, time = Date.now()) =>
  new TOTP({ secret: Secret.fromBase32(secretBase32), digits: 6, period: 30 }).generate({ timestamp: time });

const signIn = (email: string, password: string, totp?: string) =>
  app.anonymous("auth").auth.token({ grant_type: "password", email, password, ...(totp ? { totp } : {}) });

describe("two-factor authentication (TOTP)", () => {
  it("enrols with a QR code and a confirming code, then requires a fresh code at every sign-in", async () => {
    const user = await app.signUp();
    const me = await user.as();
    const started = await me.me.totp.begin();
    expect(started.otpauthUrl).toMatch(/^otpauth:\/\/totp\/ProfileHub:.*secret=/);
    expect(started.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
    expect((await me.me.get()).totpEnabled).toBe(false); // nothing stored yet

    const wrong = await failure(me.me.totp.enable({ secretBase32: started.secretBase32, code: "000000" }));
    expect(wrong.issues[0]?.path).toBe("code");
    const enrolCode = codeAt(started.secretBase32);
    expect((await me.me.totp.enable({ secretBase32: started.secretBase32, code: enrolCode })).totpEnabled).toBe(true);

    expect((await failure(signIn(user.email, user.password))).reason).toBe("totp_required");
    expect((await failure(signIn(user.email, user.password, enrolCode))).reason).toBe("totp_invalid"); // already used
    expect((await failure(signIn(user.email, user.password, "123456"))).reason).toBe("totp_invalid");
    const next = codeAt(started.secretBase32, Date.now() + 30_000);
    expect((await signIn(user.email, user.password, next)).user.id).toBe(user.id);
    expect((await failure(signIn(user.email, user.password, next))).reason).toBe("totp_invalid"); // once only
  });

  it("turns off with a current code; sign-in needs no code afterwards", async () => {
    const user = await app.signUp();
    const me = await user.as();
    const { secretBase32 } = await me.me.totp.begin();
    await me.me.totp.enable({ secretBase32, code: codeAt(secretBase32, Date.now() - 30_000) });
    expect((await failure(me.me.totp.disable({ code: "111111" }))).issues[0]?.path).toBe("code");
    expect((await me.me.totp.disable({ code: codeAt(secretBase32) })).totpEnabled).toBe(false);
    expect((await signIn(user.email, user.password)).user.id).toBe(user.id);
  });

  it("counts wrong codes when turning off: after CURRENT_PASSWORD_LIMIT guesses even a right code is refused", async () => {
    const user = await app.signUp();
    const me = await user.as();
    const { secretBase32 } = await me.me.totp.begin();
    await me.me.totp.enable({ secretBase32, code: codeAt(secretBase32, Date.now() - 30_000) });
    const limit = app.services.config.abuseLimits.currentPasswordPerAccount.limit;
    // A right code clears the counter: the guesses before it do not add up with later ones.
    for (let guess = 0; guess < limit - 1; guess += 1) {
      expect((await failure(me.me.totp.disable({ code: "111111" }))).issues[0]?.path).toBe("code");
    }
    expect((await me.me.totp.disable({ code: codeAt(secretBase32) })).totpEnabled).toBe(false);

    await me.me.totp.enable({ secretBase32, code: codeAt(secretBase32, Date.now() + 30_000) });
    for (let guess = 0; guess < limit; guess += 1) {
      expect((await failure(me.me.totp.disable({ code: "111111" }))).issues[0]?.path).toBe("code");
    }
    const refused = await failure(me.me.totp.disable({ code: codeAt(secretBase32, Date.now() + 60_000) }));
    expect(refused.reason).toBe("rate_limited");
    expect((await me.me.get()).totpEnabled).toBe(true);
  });

  it("a secret set through dialect D (base64) is enforced the same way", async () => {
    const user = await app.signUp();
    const bytes = Buffer.from("12345678901234567890");
    await (await user.as("dialect-d")).me.update({ totpSecretBase64: bytes.toString("base64") });
    const base32 = new Secret({ buffer: new Uint8Array(bytes).buffer }).base32;
    expect((await failure(signIn(user.email, user.password))).reason).toBe("totp_required");
    expect((await signIn(user.email, user.password, codeAt(base32))).user.id).toBe(user.id);
  });
});
