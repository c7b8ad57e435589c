import { z } from "zod";

/** One fixed-window limit: `limit` hits per `windowSeconds` (a `limit` of 0 disables it). */
export interface LimitRule {
  limit: number;
  windowSeconds: number;
}

/** The limits' names, as the `kind` label of `profilehub_rate_limit_refusals_total`. */
export const ABUSE_LIMIT_KINDS = [
  "sign-in-account-ip",
  "sign-in-ip",
  "sign-in-account",
  "sign-up-ip",
  "current-password",
  "verification-resend",
  "password-recover",
] as const;
export type AbuseLimitKind = (typeof ABUSE_LIMIT_KINDS)[number];

/** The abuse limits of DESIGN §4, all counted in the database (README, "Abuse limits"). */
export interface AbuseLimits {
  /** Failed sign-ins for one account from one client address. */
  signInPerAccountIp: LimitRule;
  /** Failed sign-ins from one client address, whatever the account. */
  signInPerIp: LimitRule;
  /** Failed sign-ins for one account from every address: far above the two above. */
  signInPerAccount: LimitRule;
  /** Sign-ups from one client address. */
  signUpPerIp: LimitRule;
  /** Wrong `currentPassword` guesses for one account (password change). */
  currentPasswordPerAccount: LimitRule;
}

const count = (name: string) =>
  z.coerce
    .number({ error: `${name} must be a whole number between 0 and 1000000` })
    .int({ error: `${name} must be a whole number between 0 and 1000000` })
    .min(0, { error: `${name} must be a whole number between 0 and 1000000` })
    .max(1_000_000, { error: `${name} must be a whole number between 0 and 1000000` });

const seconds = (name: string) =>
  z.coerce
    .number({ error: `${name} must be a number of seconds between 1 and 86400` })
    .int({ error: `${name} must be a number of seconds between 1 and 86400` })
    .min(1, { error: `${name} must be a number of seconds between 1 and 86400` })
    .max(86_400, { error: `${name} must be a number of seconds between 1 and 86400` });

/** The variables (validated with the rest of the environment) and their defaults. */
export const abuseLimitEnv = {
  SIGN_IN_LIMIT_PER_ACCOUNT_IP: count("SIGN_IN_LIMIT_PER_ACCOUNT_IP").default(10),
  SIGN_IN_LIMIT_PER_IP: count("SIGN_IN_LIMIT_PER_IP").default(100),
  SIGN_IN_LIMIT_PER_ACCOUNT: count("SIGN_IN_LIMIT_PER_ACCOUNT").default(500),
  SIGN_IN_LIMIT_WINDOW_S: seconds("SIGN_IN_LIMIT_WINDOW_S").default(900),
  SIGN_UP_LIMIT_PER_IP: count("SIGN_UP_LIMIT_PER_IP").default(30),
  SIGN_UP_LIMIT_WINDOW_S: seconds("SIGN_UP_LIMIT_WINDOW_S").default(3600),
  CURRENT_PASSWORD_LIMIT: count("CURRENT_PASSWORD_LIMIT").default(10),
  CURRENT_PASSWORD_WINDOW_S: seconds("CURRENT_PASSWORD_WINDOW_S").default(900),
};

type AbuseLimitEnv = { [K in keyof typeof abuseLimitEnv]: number };

export function abuseLimitsFromEnv(env: AbuseLimitEnv): AbuseLimits {
  const signIn = (limit: number) => ({ limit, windowSeconds: env.SIGN_IN_LIMIT_WINDOW_S });
  return {
    signInPerAccountIp: signIn(env.SIGN_IN_LIMIT_PER_ACCOUNT_IP),
    signInPerIp: signIn(env.SIGN_IN_LIMIT_PER_IP),
    signInPerAccount: signIn(env.SIGN_IN_LIMIT_PER_ACCOUNT),
    signUpPerIp: { limit: env.SIGN_UP_LIMIT_PER_IP, windowSeconds: env.SIGN_UP_LIMIT_WINDOW_S },
    currentPasswordPerAccount: {
      limit: env.CURRENT_PASSWORD_LIMIT,
      windowSeconds: env.CURRENT_PASSWORD_WINDOW_S,
    },
  };
}

/** The defaults, as `abuseLimitsFromEnv` gives them for an empty environment. */
export const DEFAULT_ABUSE_LIMITS: AbuseLimits = abuseLimitsFromEnv(z.object(abuseLimitEnv).parse({}));

/**
 * Start-up warnings: an account-wide lock close to the per-address limit lets a stranger with a
 * few addresses lock a person out, which is what the per-address limits exist to prevent.
 */
export function abuseLimitWarnings(limits: AbuseLimits, rawEnv: Record<string, string | undefined>): string[] {
  const warnings: string[] = [];
  const account = limits.signInPerAccount.limit;
  const perAddress = limits.signInPerAccountIp.limit;
  if (account > 0 && perAddress > 0 && account < 5 * perAddress) {
    warnings.push(
      `SIGN_IN_LIMIT_PER_ACCOUNT (${account}) is close to SIGN_IN_LIMIT_PER_ACCOUNT_IP (${perAddress}): ` +
        "a stranger with a few addresses can lock the account. Keep it far above (default 50×) or 0.",
    );
  }
  if (rawEnv.LOGIN_RATE_LIMIT) {
    warnings.push("LOGIN_RATE_LIMIT is no longer used: see the SIGN_IN_LIMIT_* variables (README, Abuse limits).");
  }
  return warnings;
}

/** `10 per account and address, 100 per address, 500 per account / 15 min` for the start-up banner. */
export function describeAbuseLimits(limits: AbuseLimits): [string, string][] {
  const rule = ({ limit }: LimitRule, what: string) => (limit > 0 ? `${limit} ${what}` : `no limit ${what}`);
  const per = (windowSeconds: number) =>
    windowSeconds % 60 === 0 ? `${windowSeconds / 60} min` : `${windowSeconds} s`;
  return [
    [
      "sign-in limits",
      `failures: ${rule(limits.signInPerAccountIp, "per account and address")}, ` +
        `${rule(limits.signInPerIp, "per address")}, ${rule(limits.signInPerAccount, "per account")} ` +
        `/ ${per(limits.signInPerIp.windowSeconds)}`,
    ],
    ["sign-up limit", `${rule(limits.signUpPerIp, "per address")} / ${per(limits.signUpPerIp.windowSeconds)}`],
    [
      "current-password limit",
      `${rule(limits.currentPasswordPerAccount, "wrong guesses per account")} / ` +
        per(limits.currentPasswordPerAccount.windowSeconds),
    ],
  ];
}
