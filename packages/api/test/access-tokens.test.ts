import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";

import { AccessTokens } from "../src/auth/access-token";
import { failure } from "./helpers/errors";
import { TEST_CONFIG, useTestApp } from "./helpers/test-app";

const app = useTestApp();

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

describe("access tokens", () => {
  it("carry sub, num, pid and sid", async () => {
    const user = await app.signUp({ projectId: "acme" });
    const claims = await new AccessTokens(TEST_CONFIG.authSecret).verify(user.accessToken);
    expect(claims).toMatchObject({ sub: user.id, num: user.number, pid: "acme" });
    expect(claims.sid).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("are refused once expired", async () => {
    const user = await app.signUp();
    const claims = await new AccessTokens(TEST_CONFIG.authSecret).verify(user.accessToken);
    const expired = await new AccessTokens(TEST_CONFIG.authSecret, 60).sign(claims, Date.now() - 120_000);
    const error = await failure((await app.withToken(expired)).me.get());
    expect(error).toMatchObject({ code: "UNAUTHORIZED", reason: "token_expired" });
  });

  it("are refused when tampered with", async () => {
    const victim = await app.signUp();
    const attacker = await app.signUp();
    const [header, , signature] = attacker.accessToken.split(".");
    const claims = JSON.parse(Buffer.from(attacker.accessToken.split(".")[1]!, "base64url").toString()) as Record<
      string,
      unknown
    >;
    const forged = `${header}.${base64url({ ...claims, sub: victim.id, num: victim.number })}.${signature}`;
    expect((await failure((await app.withToken(forged)).me.get())).reason).toBe("token_invalid");
  });

  it('are refused with alg "none" or another algorithm or key', async () => {
    const user = await app.signUp();
    const claims = JSON.parse(Buffer.from(user.accessToken.split(".")[1]!, "base64url").toString()) as Record<
      string,
      unknown
    >;
    const none = `${base64url({ alg: "none", typ: "JWT" })}.${base64url(claims)}.`;
    expect((await failure((await app.withToken(none)).me.get())).reason).toBe("token_invalid");
    const otherKey = await new SignJWT(claims)
      .setProtectedHeader({ alg: "HS256" })
      .sign(new TextEncoder().encode("a-different-secret-of-enough-length-123456"));
    expect((await failure((await app.withToken(otherKey)).me.get())).reason).toBe("token_invalid");
    const hs512 = await new SignJWT(claims)
      .setProtectedHeader({ alg: "HS512" })
      .sign(new TextEncoder().encode(TEST_CONFIG.authSecret));
    expect((await failure((await app.withToken(hs512)).me.get())).reason).toBe("token_invalid");
    expect((await failure((await app.withToken("garbage")).me.get())).reason).toBe("token_invalid");
  });

  it("stop working on the next request once their session is revoked", async () => {
    const user = await app.signUp();
    const me = await user.as();
    await me.me.get();
    await me.auth.signOut();
    expect((await failure(me.me.get())).reason).toBe("session_revoked");
    expect((await failure(me.me.update({ displayName: "x" }))).reason).toBe("session_revoked");
    expect((await failure(me.users.get({ userId: user.id }))).reason).toBe("session_revoked");
  });
});

describe("sign-in", () => {
  it("issues tokens for the right password only, with one error for unknown emails and wrong passwords", async () => {
    const user = await app.signUp({ email: "ada@example.com", password: "correct horse battery" });
    const auth = app.anonymous("auth").auth;
    const ok = await auth.token({
      grant_type: "password",
      email: " ADA@example.com ",
      password: "correct horse battery",
    });
    expect(ok.user.id).toBe(user.id);
    expect(ok.expiresIn).toBe(900);
    const wrong = await failure(auth.token({ grant_type: "password", email: "ada@example.com", password: "wrong" }));
    const unknown = await failure(
      auth.token({ grant_type: "password", email: "nobody@example.com", password: "wrong" }),
    );
    expect(wrong).toMatchObject({ code: "UNAUTHORIZED", reason: "invalid_credentials" });
    expect(unknown).toEqual(wrong);
  });

  it("scopes sign-in to the project", async () => {
    await app.signUp({ email: "p@example.com", password: "correct horse battery", projectId: "proj" });
    const auth = app.anonymous("auth").auth;
    expect(
      (await failure(auth.token({ grant_type: "password", email: "p@example.com", password: "correct horse battery" })))
        .reason,
    ).toBe("invalid_credentials");
    const ok = await auth.token({
      grant_type: "password",
      email: "p@example.com",
      password: "correct horse battery",
      projectId: "proj",
    });
    expect(ok.user.projectId).toBe("proj");
  });
});
