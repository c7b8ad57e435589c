import { createHash, createHmac } from "node:crypto";
import { decodeJwt, SignJWT } from "jose";
import { describe, expect, it } from "vitest";

import { accessTokenFailure, AccessTokens } from "../src/auth/access-token";
import { stackProjectIdOf } from "../src/auth/stack-project-id";

// The synchronous HS256 verifier, claim by claim, against tokens made by jose with the same key.
const SECRET = "unit-test secret of at least thirty-two characters";
const tokens = new AccessTokens(SECRET, 900);
const key = createHash("sha256").update(`profilehub:jwt:${SECRET}`).digest();
const claims = {
  sub: "6d1f4c36-3e0b-4f43-9d1a-3f6f0d2f4b11",
  num: 7,
  pid: "default",
  sid: "0b6f5a1e-8c4d-4e0f-a2b3-c4d5e6f7a8b9",
};
const now = Math.floor(Date.now() / 1000);

type Edit = { header?: Record<string, unknown>; payload?: Record<string, unknown> };
function forge({ header = {}, payload = {} }: Edit = {}) {
  return new SignJWT({ num: claims.num, pid: claims.pid, sid: claims.sid, ...payload })
    .setProtectedHeader({ alg: "HS256", typ: "JWT", ...header })
    .setSubject(claims.sub)
    .setIssuer(typeof payload.iss === "string" ? payload.iss : "profilehub")
    .setAudience(typeof payload.aud === "string" ? payload.aud : "profilehub")
    .setIssuedAt(now)
    .setExpirationTime(now + 60)
    .sign(key);
}

/** A token signed by hand, for headers jose will not sign. */
function signRaw(header: Record<string, unknown>, payload: Record<string, unknown>) {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const input = `${encode(header)}.${encode(payload)}`;
  return `${input}.${createHmac("sha256", key).update(input).digest("base64url")}`;
}

const reason = (token: string) => tokens.verify(token).then(() => "accepted", accessTokenFailure);

describe("access-token verification", () => {
  it("accepts its own tokens and jose's with the same key, returning the claims", async () => {
    expect(await tokens.verify(await tokens.sign(claims))).toEqual(claims);
    expect(await tokens.verify(await forge())).toEqual(claims);
    expect(await tokens.verify(await forge({ header: { typ: undefined } }))).toEqual(claims);
  });

  it("tells an expired token from an invalid one, but only once the signature is good", async () => {
    const expired = await tokens.sign(claims, Date.now() - 901_000);
    expect(await reason(expired)).toBe("expired");
    const [header, payload] = expired.split(".");
    expect(await reason(`${header}.${payload}.${"A".repeat(43)}`)).toBe("invalid");
  });

  it("refuses another issuer or audience, a future nbf, a critical header, or missing exp/iat", async () => {
    expect(await reason(await forge({ payload: { iss: "someone-else" } }))).toBe("invalid");
    expect(await reason(await forge({ payload: { aud: "another-api" } }))).toBe("invalid");
    expect(await reason(await forge({ payload: { nbf: now + 600 } }))).toBe("invalid");
    const payload = { ...claims, iss: "profilehub", aud: "profilehub", iat: now, exp: now + 60 };
    expect(await reason(signRaw({ alg: "HS256", typ: "JWT" }, payload))).toBe("accepted");
    expect(await reason(signRaw({ alg: "HS256", crit: ["b64"], b64: true }, payload))).toBe("invalid");
    const withoutExp = await new SignJWT({ ...claims, iss: "profilehub", aud: "profilehub", iat: now })
      .setProtectedHeader({ alg: "HS256" })
      .sign(key);
    expect(await reason(withoutExp)).toBe("invalid");
    const withoutIat = await new SignJWT({ ...claims, iss: "profilehub", aud: "profilehub", exp: now + 60 })
      .setProtectedHeader({ alg: "HS256" })
      .sign(key);
    expect(await reason(withoutIat)).toBe("invalid");
  });

  it("refuses malformed tokens and claims of the wrong type", async () => {
    const good = await tokens.sign(claims);
    const [header, payload, signature] = good.split(".");
    for (const token of [
      "",
      "a.b",
      `${good}.extra`,
      `${header}.${payload}.${signature}=`,
      `${header}.${payload}+.${signature}`,
    ]) {
      expect(await reason(token)).toBe("invalid");
    }
    expect(await reason(await forge({ payload: { num: "7" } }))).toBe("invalid");
    expect(await reason(await forge({ payload: { sid: null } }))).toBe("invalid");
  });

  it("audience: the project's Stack UUID (what it signs) or the legacy 'profilehub'; any other is refused", async () => {
    expect(decodeJwt(await tokens.sign(claims)).aud).toBe(stackProjectIdOf("default"));
    expect(await reason(await forge({ payload: { aud: stackProjectIdOf("default") } }))).toBe("accepted");
    expect(await reason(await forge({ payload: { aud: "profilehub" } }))).toBe("accepted");
    expect(await reason(await forge({ payload: { aud: stackProjectIdOf("acme") } }))).toBe("invalid");
    expect(await reason(await forge({ payload: { aud: "someone-else" } }))).toBe("invalid");
  });
});
