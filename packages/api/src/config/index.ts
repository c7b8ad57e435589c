import type { PostgresTimeouts } from "@profilehub/db";

import { type AbuseLimits, abuseLimitsFromEnv, abuseLimitWarnings } from "./abuse-limits";
import { type Env, parseEnv } from "./env";
import { loadOrCreateSecrets } from "./secrets";

export { ConfigError, defaultAppUrl, LOG_LEVELS, parseEnv, type Env, type LogLevel } from "./env";
export { describeSettings, type SettingsContext } from "./settings";
export { ABUSE_LIMIT_KINDS, DEFAULT_ABUSE_LIMITS, type AbuseLimits, type LimitRule } from "./abuse-limits";

/** Everything the router needs from the environment, validated once. */
export interface AppConfig {
  appUrl: string;
  authSecret: string;
  serverApiKey: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  emailChangeConfirmation: boolean;
  webhookTimeoutMs: number;
  /** Failed sign-ins, sign-ups and current-password guesses allowed (README, "Abuse limits"). */
  abuseLimits: AbuseLimits;
  /** Bearer token for `GET /api/metrics`, besides the server key. */
  metricsToken: string | undefined;
  /** How long a just-rotated refresh token still returns the session's current one (0: never). */
  refreshTokenReuseIntervalS: number;
}

/** How the outbox worker sends (DESIGN §5). */
export interface MailDeliveryConfig {
  /** Hard limit of one SMTP send; a claimed mail's lease is longer than this. */
  sendTimeoutMs: number;
  /** How long a failing mail is retried (with backoff) before it is kept as `failed`. */
  retryWindowMs: number;
}

export interface LoadedConfig {
  config: AppConfig;
  /** PostgreSQL connect, pool and statement timeouts (unused with the embedded database). */
  databaseTimeouts: PostgresTimeouts;
  /** PostgreSQL: named prepared statements (off behind a pooler in transaction mode). */
  databasePreparedStatements: boolean;
  mailDelivery: MailDeliveryConfig;
  env: Env;
  /** Which secrets came from the data folder rather than the environment. */
  generated: { authSecret: boolean; serverApiKey: boolean; createdNow: boolean };
  warnings: string[];
}

export function loadConfig(rawEnv: Record<string, string | undefined>, dataDir: string): LoadedConfig {
  const env = parseEnv(rawEnv);
  const needsGenerated = !env.AUTH_SECRET || !env.SERVER_API_KEY;
  const stored = needsGenerated ? loadOrCreateSecrets(dataDir) : undefined;
  const abuseLimits = abuseLimitsFromEnv(env);
  const warnings: string[] = abuseLimitWarnings(abuseLimits, rawEnv);
  if (env.DATABASE_URL && needsGenerated) {
    warnings.push(
      "DATABASE_URL is set but AUTH_SECRET/SERVER_API_KEY are not: the generated ones only suit one machine. " +
        "Set both explicitly when several instances share the database.",
    );
  }
  return {
    env,
    warnings,
    generated: {
      authSecret: !env.AUTH_SECRET,
      serverApiKey: !env.SERVER_API_KEY,
      createdNow: stored?.created ?? false,
    },
    config: {
      appUrl: env.APP_URL,
      authSecret: env.AUTH_SECRET ?? stored!.authSecret,
      serverApiKey: env.SERVER_API_KEY ?? stored!.serverApiKey,
      smtpUrl: env.SMTP_URL,
      mailFrom: env.MAIL_FROM,
      emailChangeConfirmation: env.EMAIL_CHANGE_CONFIRMATION,
      webhookTimeoutMs: env.WEBHOOK_TIMEOUT_MS,
      abuseLimits,
      metricsToken: env.METRICS_TOKEN,
      refreshTokenReuseIntervalS: env.REFRESH_TOKEN_REUSE_INTERVAL_S,
    },
    databaseTimeouts: {
      connectTimeoutMs: env.DATABASE_CONNECT_TIMEOUT_MS,
      acquireTimeoutMs: env.DATABASE_POOL_TIMEOUT_MS,
      statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
    },
    databasePreparedStatements: env.DATABASE_PREPARED_STATEMENTS,
    mailDelivery: {
      sendTimeoutMs: env.MAIL_SEND_TIMEOUT_MS,
      retryWindowMs: Math.round(env.MAIL_RETRY_HOURS * 3_600_000),
    },
  };
}
