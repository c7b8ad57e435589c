import { loadOrCreateSecrets } from "./secrets";
import { parseEnv, type Env } from "./env";

export { ConfigError, LOG_LEVELS, parseEnv, type Env, type LogLevel } from "./env";
export { describeSettings, type SettingsContext } from "./settings";

/** Everything the router needs from the environment, validated once. */
export interface AppConfig {
  appUrl: string;
  authSecret: string;
  serverApiKey: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  emailChangeConfirmation: boolean;
  webhookTimeoutMs: number;
  /** Sign-in attempts allowed per account and 15 minutes (0: unlimited). */
  loginRateLimit: number;
  /** Bearer token for `GET /api/metrics`, besides the server key. */
  metricsToken: string | undefined;
}

export interface LoadedConfig {
  config: AppConfig;
  env: Env;
  /** Which secrets came from the data folder rather than the environment. */
  generated: { authSecret: boolean; serverApiKey: boolean; createdNow: boolean };
  warnings: string[];
}

export function loadConfig(rawEnv: Record<string, string | undefined>, dataDir: string): LoadedConfig {
  const env = parseEnv(rawEnv);
  const needsGenerated = !env.AUTH_SECRET || !env.SERVER_API_KEY;
  const stored = needsGenerated ? loadOrCreateSecrets(dataDir) : undefined;
  const warnings: string[] = [];
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
      loginRateLimit: env.LOGIN_RATE_LIMIT,
      metricsToken: env.METRICS_TOKEN,
    },
  };
}
