import type { AbuseLimits, LimitRule } from "../../config/abuse-limits";
import type { LimitHit } from "./abuse-limits";

/**
 * The client address as a counter sees it: the server always knows it (the socket's, or the
 * trusted proxy's `X-Forwarded-For`); callers inside the process (tests, scripts) share one.
 */
const address = (ip: string | null) => ip ?? "unknown";

const key = (name: string, ...parts: string[]) => `${name}:${JSON.stringify(parts)}`;

/** The three counters of a password sign-in: per account and address, per address, per account. */
export function signInLimits(limits: AbuseLimits, account: { projectId: string; email: string }, ip: string | null) {
  const { projectId, email } = account;
  return {
    accountIp: {
      key: key("sign-in-account-ip", projectId, email, address(ip)),
      kind: "sign-in-account-ip",
      rule: limits.signInPerAccountIp,
    },
    ip: { key: key("sign-in-ip", address(ip)), kind: "sign-in-ip", rule: limits.signInPerIp },
    account: { key: key("sign-in-account", projectId, email), kind: "sign-in-account", rule: limits.signInPerAccount },
  } satisfies Record<string, LimitHit>;
}

export function signUpLimit(rule: LimitRule, ip: string | null): LimitHit {
  return { key: key("sign-up-ip", address(ip)), kind: "sign-up-ip", rule };
}

export function currentPasswordLimit(rule: LimitRule, userId: string): LimitHit {
  return { key: key("current-password", userId), kind: "current-password", rule };
}

export function verificationResendLimit(rule: LimitRule, userId: string): LimitHit {
  return { key: key("verification-resend", userId), kind: "verification-resend", rule };
}

export function passwordRecoverLimit(rule: LimitRule, account: { projectId: string; email: string }): LimitHit {
  return { key: key("password-recover", account.projectId, account.email), kind: "password-recover", rule };
}
