import { POSTGRES_TIMEOUT_DEFAULTS } from "@profilehub/db";
import { z } from "zod";

const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no", "on", "off"], {
    error: "must be true or false",
  })
  .transform((value) => ["true", "1", "yes", "on"].includes(value));

const milliseconds = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

const secret = (name: string) =>
  z
    .string()
    .min(32, { error: `${name} must be at least 32 characters` })
    .optional();

/** Environment variables (DESIGN §8); all optional in development. */
export const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  APP_URL: z
    .url({ protocol: /^https?$/, error: "APP_URL must be an http(s) URL" })
    .default("http://localhost:3000")
    .transform((url) => url.replace(/\/+$/, "")),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { error: "DATABASE_URL must start with postgres:// or postgresql://" })
    .optional(),
  AUTH_SECRET: secret("AUTH_SECRET"),
  SERVER_API_KEY: secret("SERVER_API_KEY"),
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: "SMTP_URL must look like smtp://host:port" }).optional(),
  MAIL_FROM: z.string().default("ProfileHub <no-reply@profilehub.local>"),
  EMAIL_CHANGE_CONFIRMATION: booleanFlag.default(true),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(0).max(100_000).default(20),
  DATABASE_CONNECT_TIMEOUT_MS: milliseconds(100, 120_000, POSTGRES_TIMEOUT_DEFAULTS.connectTimeoutMs),
  DATABASE_POOL_TIMEOUT_MS: milliseconds(100, 120_000, POSTGRES_TIMEOUT_DEFAULTS.acquireTimeoutMs),
  DATABASE_STATEMENT_TIMEOUT_MS: milliseconds(100, 600_000, POSTGRES_TIMEOUT_DEFAULTS.statementTimeoutMs),
  REFRESH_TOKEN_REUSE_INTERVAL_S: z.coerce.number().int().min(0).max(3600).default(10),
  MAIL_SEND_TIMEOUT_MS: milliseconds(1000, 600_000, 30_000),
  MAIL_RETRY_HOURS: z.coerce
    .number()
    .min(0.01)
    .max(24 * 30)
    .default(24),
});

export type Env = z.output<typeof envSchema>;

/** Treats empty strings as unset, the way shells and `.env` files usually mean them. */
export function cleanEnv(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ""),
  );
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

export function parseEnv(env: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(cleanEnv(env));
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${problems.join("\n")}`);
  }
  return result.data;
}
