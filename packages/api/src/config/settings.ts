import { DEFAULT_PROJECT_ID } from "@profilehub/validators";

import { stackProjectIdOf } from "../auth/stack-project-id";
import { describeAbuseLimits } from "./abuse-limits";
import type { LoadedConfig } from "./index";

export interface SettingsContext {
  /** The database as it may be printed (password redacted, or the PGlite folder). */
  database: string;
  /** The data folder (PGlite files, generated secrets). */
  dataDir: string;
}

/** `smtp://user:pass@host` → `smtp://user:***@host`. */
const withoutPassword = (url: string) => url.replace(/^([a-z+]+:\/\/[^:/@]*):[^@/]*@/i, "$1:***@");

const secretSource = (fromEnv: boolean, variable: string, dataDir: string) =>
  fromEnv ? `set (${variable})` : `generated, kept in ${dataDir}/secrets.json`;

/**
 * The effective settings as `[name, value]` rows for the start-up banner: every value a person
 * running the service needs to check, secrets only said to be set or generated, never shown.
 */
export function describeSettings(loaded: LoadedConfig, context: SettingsContext): [string, string][] {
  const { env, config, generated } = loaded;
  return [
    ["database", context.database],
    ["prepared statements", env.DATABASE_PREPARED_STATEMENTS ? "on" : "off (for a pooler in transaction mode)"],
    [
      "mail",
      config.smtpUrl
        ? `SMTP ${withoutPassword(config.smtpUrl)}, from ${config.mailFrom}`
        : "kept in the outbox (development mailbox); set SMTP_URL to send",
    ],
    ["app URL", config.appUrl],
    ["port", String(env.PORT)],
    ["CORS origins", env.CORS_ORIGINS.length > 0 ? env.CORS_ORIGINS.join(", ") : "none"],
    ["trusted proxies", String(env.TRUST_PROXY)],
    ["log level", env.LOG_LEVEL],
    ["auth secret", secretSource(!generated.authSecret, "AUTH_SECRET", context.dataDir)],
    ["server key", secretSource(!generated.serverApiKey, "SERVER_API_KEY", context.dataDir)],
    ["metrics token", config.metricsToken ? "set (METRICS_TOKEN)" : "none (the server key reads /api/metrics)"],
    ["email change", config.emailChangeConfirmation ? "waits for the mailed link" : "applied at once"],
    ["webhook timeout", `${config.webhookTimeoutMs} ms`],
    ...describeAbuseLimits(config.abuseLimits),
    // Stack Auth's SDK requires a UUID project id: the one `default` answers to (README, "Stack Auth SDK").
    ["Stack project id", `${stackProjectIdOf(DEFAULT_PROJECT_ID)} (project "${DEFAULT_PROJECT_ID}")`],
  ];
}
