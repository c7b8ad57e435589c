import { describe, expect, it } from "vitest";

import { type AbuseLimits, DEFAULT_ABUSE_LIMITS } from "../src/config";
import { describeError } from "../src/index";
import { failure } from "./helpers/errors";
import { useTestApp } from "./helpers/test-app";

const WINDOW = 900;
const rule = (limit: number, windowSeconds = WINDOW) => ({ limit, windowSeconds });
/** Small limits, so that each is reached in a few calls; the account-wide one far above the rest. */
const LIMITS: AbuseLimits = {
  signInPerAccountIp: rule(3),
  signInPerIp: rule(6),
  signInPerAccount: rule(12),
  signUpPerIp: rule(5, 3600),
  currentPasswordPerAccount: rule(4),
};

const app = useTestApp({ abuseLimits: LIMITS });
const PASSWORD = "correct horse battery";

/** The auth door as a caller from `ip`. */
const from = (ip: string) => app.caller({ door: "auth", client: { ip, userAgent: "test" } }).auth;

function passwordGrant(email: string, password: string) {
  return { grant_type: "password" as const, email, password };
}

/** The `retryAfterSeconds` of a refusal (the doors send it as `Retry-After`). */
async function refusal(call: Promise<unknown>) {
  try {
    await call;
  } catch (error) {
    const { reason, params } = describeError(error);
    return { reason, retryAfterSeconds: (params as { retryAfterSeconds?: number }).retryAfterSeconds };
  }
  throw new Error("expected a refusal");
}

describe("abuse limits", () => {
  it("keep the defaults documented in the README, the account-wide lock far above the per-address ones", () => {
    expect(DEFAULT_ABUSE_LIMITS).toEqual({
      signInPerAccountIp: rule(10),
      signInPerIp: rule(100),
      signInPerAccount: rule(500),
      signUpPerIp: rule(30, 3600),
      currentPasswordPerAccount: rule(10),
    });
    expect(DEFAULT_ABUSE_LIMITS.signInPerAccount.limit).toBeGreaterThanOrEqual(
      5 * DEFAULT_ABUSE_LIMITS.signInPerIp.limit,
    );
  });

  it("one address cannot lock a person out: the right password from another address still signs in", async () => {
    const victim = await app.signUp({ password: PASSWORD });
    const attacker = from("198.51.100.66");
    for (let guess = 0; guess < 3; guess += 1) {
      expect((await failure(attacker.token(passwordGrant(victim.email, `guess ${guess}`)))).reason).toBe(
        "invalid_credentials",
      );
    }
    // The 4th try from that address is refused before the password is even checked — the right one too.
    for (const password of ["guess 3", PASSWORD, "guess 4", "guess 5"]) {
      const refused = await refusal(attacker.token(passwordGrant(victim.email, password)));
      expect(refused.reason).toBe("rate_limited");
      expect(refused.retryAfterSeconds).toBeGreaterThan(WINDOW - 30);
      expect(refused.retryAfterSeconds).toBeLessThanOrEqual(WINDOW);
    }
    const signedIn = await from("203.0.113.10").token(passwordGrant(victim.email, PASSWORD));
    expect(signedIn.user.id).toBe(victim.id);
    // The browser door shares the counts.
    const web = app.caller({ door: "web", client: { ip: "198.51.100.66", userAgent: null }, sessionCookie: noCookie });
    expect((await failure(web.web.signIn({ email: victim.email, password: PASSWORD }))).reason).toBe("rate_limited");
  });

  it("counts failures only: right passwords never use up the limits, and clear the address's own count", async () => {
    const user = await app.signUp({ password: PASSWORD });
    const auth = from("203.0.113.20");
    // 4 failures in all (under the address's 6), but 2 + 2 for the account from this address (3
    // allowed): the success in between cleared the first 2.
    for (let round = 0; round < 2; round += 1) {
      await failure(auth.token(passwordGrant(user.email, "typo")));
      await failure(auth.token(passwordGrant(user.email, "typo again")));
      expect((await auth.token(passwordGrant(user.email, PASSWORD))).user.id).toBe(user.id);
    }
    for (let signIn = 0; signIn < 15; signIn += 1) {
      expect((await auth.token(passwordGrant(user.email, PASSWORD))).user.id).toBe(user.id);
    }
  });

  it("limits failures per address across accounts, leaving other addresses alone", async () => {
    const users = await Promise.all([1, 2, 3, 4].map(() => app.signUp({ password: PASSWORD })));
    const sprayer = from("198.51.100.7");
    // 6 failures spread over 3 accounts (2 each, under the per-account-and-address limit of 3).
    for (const user of users.slice(0, 3)) {
      for (const guess of ["123456", "password"]) await failure(sprayer.token(passwordGrant(user.email, guess)));
    }
    const refused = await refusal(sprayer.token(passwordGrant(users[3]!.email, PASSWORD)));
    expect(refused.reason).toBe("rate_limited");
    expect((await failure(sprayer.token(passwordGrant("nobody@example.com", "x")))).reason).toBe("rate_limited");
    expect((await from("203.0.113.30").token(passwordGrant(users[3]!.email, PASSWORD))).user.id).toBe(users[3]!.id);
  });

  it("locks an account for everyone only far above the per-address limits, from many addresses", async () => {
    const victim = await app.signUp({ password: PASSWORD });
    // 12 failures need at least 4 addresses (3 each); refused tries of an address over its limit
    // do not count against the account.
    for (let address = 1; address <= 4; address += 1) {
      const attacker = from(`198.51.100.${address}`);
      for (let guess = 0; guess < 6; guess += 1) await failure(attacker.token(passwordGrant(victim.email, "x")));
      if (address < 4) {
        expect((await from("203.0.113.40").token(passwordGrant(victim.email, PASSWORD))).user.id).toBe(victim.id);
      }
    }
    const locked = await refusal(from("203.0.113.41").token(passwordGrant(victim.email, PASSWORD)));
    expect(locked.reason).toBe("rate_limited");
    // The window ends: the person signs in again.
    await app.database.db.$executeRaw`UPDATE abuse_limits SET "resetAt" = now() - interval '1 second'`;
    expect((await from("203.0.113.41").token(passwordGrant(victim.email, PASSWORD))).user.id).toBe(victim.id);
  });

  it("counts concurrent guesses before checking them: a burst cannot slip past the limit", async () => {
    const victim = await app.signUp({ password: PASSWORD });
    const attacker = from("198.51.100.99");
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, (_, guess) => refusal(attacker.token(passwordGrant(victim.email, `burst ${guess}`)))),
    );
    expect(outcomes.filter((outcome) => outcome.reason === "invalid_credentials")).toHaveLength(3);
    expect(outcomes.filter((outcome) => outcome.reason === "rate_limited")).toHaveLength(7);
  });

  it("limits sign-ups per address", async () => {
    const auth = from("198.51.100.50");
    for (let index = 0; index < 5; index += 1) {
      await auth.signUp({ email: `bulk${index}@example.com`, password: PASSWORD });
    }
    const refused = await refusal(auth.signUp({ email: "bulk5@example.com", password: PASSWORD }));
    expect(refused.reason).toBe("rate_limited");
    expect(refused.retryAfterSeconds).toBeGreaterThan(3500);
    const elsewhere = await from("203.0.113.50").signUp({ email: "bulk5@example.com", password: PASSWORD });
    expect(elsewhere.user.email).toBe("bulk5@example.com");
    expect(await app.database.db.user.count({ where: { email: { startsWith: "bulk" } } })).toBe(6);
  });

  it("limits wrong current-password guesses per account, and never answers a guess past the limit", async () => {
    const user = await app.signUp({ password: PASSWORD });
    const me = await user.as("trpc");
    for (let guess = 0; guess < 4; guess += 1) {
      const wrong = await failure(
        me.me.update({ password: `new password ${guess}`, currentPassword: `guess ${guess}` }),
      );
      expect(wrong.issues.map((issue) => issue.path)).toEqual(["currentPassword"]);
    }
    // Over the limit: refused before checking, even the right password — and not through another
    // session or door either (the limit is the account's).
    const refused = await refusal(me.me.update({ password: "new password 9", currentPassword: PASSWORD }));
    expect(refused).toMatchObject({ reason: "rate_limited" });
    expect(refused.retryAfterSeconds).toBeGreaterThan(WINDOW - 30);
    const other = await app.withToken(
      (await from("203.0.113.60").token(passwordGrant(user.email, PASSWORD))).accessToken,
      "auth",
    );
    expect((await failure(other.me.update({ password: "new password 9", currentPassword: PASSWORD }))).reason).toBe(
      "rate_limited",
    );
    await app.database.db.$executeRaw`UPDATE abuse_limits SET "resetAt" = now() - interval '1 second'`;
    await me.me.update({ password: "new password 9", currentPassword: PASSWORD });
    expect((await from("203.0.113.60").token(passwordGrant(user.email, "new password 9"))).user.id).toBe(user.id);
  });

  it("does not tell a caller without the current password whether a guess is the current password", async () => {
    const user = await app.signUp({ password: PASSWORD });
    const me = await user.as("trpc");
    // `password_unchanged` would confirm the guess: only said to who proved the current password.
    const wrong = await failure(me.me.update({ password: PASSWORD, currentPassword: "not it" }));
    expect(wrong.issues.map((issue) => issue.path)).toEqual(["currentPassword"]);
    const missing = await failure(me.me.update({ password: PASSWORD }));
    expect(missing.issues.map((issue) => issue.path)).toEqual(["currentPassword"]);
    const proven = await failure(me.me.update({ password: PASSWORD, currentPassword: PASSWORD }));
    expect(proven.issues.map((issue) => issue.path)).toEqual(["password"]);
  });

  it("prunes counters whose window ended as new hits arrive", async () => {
    for (let index = 0; index < 20; index += 1) {
      await failure(from(`192.0.2.${index}`).token(passwordGrant("someone@example.com", "x")));
    }
    await app.database.db.$executeRaw`UPDATE abuse_limits SET "resetAt" = now() - interval '1 second'`;
    for (let index = 0; index < 10; index += 1) {
      await failure(from("192.0.2.200").token(passwordGrant("someone@example.com", "x")));
    }
    // 20 addresses × 2 counters + the account's; each hit deletes up to 8 ended ones.
    const left = await app.database.db.abuseLimit.count({ where: { resetAt: { lt: new Date() } } });
    expect(left).toBe(0);
  });
});

/** A cookie writer: the browser door needs one to sign in. */
const noCookie = { set() {}, clear() {} };
