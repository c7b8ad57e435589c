import { POSTGRES_TIMEOUT_DEFAULTS } from "@profilehub/db";
import { z } from "zod";

import { abuseLimitEnv } from "./abuse-limits";

const booleanFlag = (name: string) =>
  z
    .enum(["true", "false", "1", "0", "yes", "no", "on", "off"], { error: `${name} must be true or false` })
    .transform((value) => ["true", "1", "yes", "on"].includes(value));

/** A whole number within bounds, with a plain message naming the variable. */
const wholeNumber = (name: string, min: number, max: number, what = "a whole number") =>
  z.coerce
    .number({ error: `${name} must be ${what} between ${min} and ${max}` })
    .int({ error: `${name} must be ${what} between ${min} and ${max}` })
    .min(min, { error: `${name} must be ${what} between ${min} and ${max}` })
    .max(max, { error: `${name} must be ${what} between ${min} and ${max}` });

const milliseconds = (name: string, min: number, max: number, fallback: number) =>
  wholeNumber(name, min, max, "a number of milliseconds").default(fallback);

const secret = (name: string) =>
  z
    .string()
    .min(32, { error: `${name} must be at least 32 characters` })
    .optional();

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Environment variables (DESIGN §8); all optional in development. */
export const envSchema = z.object({
  PORT: wholeNumber("PORT", 0, 65535, "a port number").default(3000),
  /** Unset: the address actually served, `http://localhost:$PORT` (below). */
  APP_URL: z
    .url({ protocol: /^https?$/, error: "APP_URL must be an http(s) URL" })
    .transform((url) => url.replace(/\/+$/, ""))
    .optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { error: "DATABASE_URL must start with postgres:// or postgresql://" })
    .optional(),
  /** Migrations at start-up go here when set (PostgreSQL directly, when DATABASE_URL is a pooler). */
  DATABASE_DIRECT_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { error: "DATABASE_DIRECT_URL must start with postgres:// or postgresql://" })
    .optional(),
  AUTH_SECRET: secret("AUTH_SECRET"),
  SERVER_API_KEY: secret("SERVER_API_KEY"),
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: "SMTP_URL must look like smtp://host:port" }).optional(),
  MAIL_FROM: z.string().default("ProfileHub <no-reply@profilehub.local>"),
  EMAIL_CHANGE_CONFIRMATION: booleanFlag("EMAIL_CHANGE_CONFIRMATION").default(true),
  WEBHOOK_TIMEOUT_MS: wholeNumber("WEBHOOK_TIMEOUT_MS", 100, 60_000, "a number of milliseconds").default(5000),
  ...abuseLimitEnv,
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}` }).default("info"),
  /** A bearer token for `GET /api/metrics` (the server key works too). */
  METRICS_TOKEN: secret("METRICS_TOKEN"),
  /**
   * How many proxy hops in front of the server are trusted: the client address is the one the
   * outermost trusted proxy saw (that many entries from the right of `X-Forwarded-For`), and its
   * `X-Forwarded-Proto` says whether the request came over https. 0: the socket's address only.
   */
  TRUST_PROXY: wholeNumber("TRUST_PROXY", 0, 10, "a number of proxy hops").default(0),
  /** Origins allowed to call the REST doors with credentials. */
  CORS_ORIGINS: z
    .string()
    .transform((value) => value.split(",").map((origin) => origin.trim().replace(/\/+$/, "")))
    .pipe(
      z.array(
        z.string().regex(/^https?:\/\/[^/\s?#]+$/, {
          error: "CORS_ORIGINS must be a comma-separated list of origins like https://app.example.com",
        }),
      ),
    )
    .default([]),
  DATABASE_CONNECT_TIMEOUT_MS: milliseconds(
    "DATABASE_CONNECT_TIMEOUT_MS",
    100,
    120_000,
    POSTGRES_TIMEOUT_DEFAULTS.connectTimeoutMs,
  ),
  DATABASE_POOL_TIMEOUT_MS: milliseconds(
    "DATABASE_POOL_TIMEOUT_MS",
    100,
    120_000,
    POSTGRES_TIMEOUT_DEFAULTS.acquireTimeoutMs,
  ),
  DATABASE_STATEMENT_TIMEOUT_MS: milliseconds(
    "DATABASE_STATEMENT_TIMEOUT_MS",
    100,
    600_000,
    POSTGRES_TIMEOUT_DEFAULTS.statementTimeoutMs,
  ),
  /** `false` behind a pooler in transaction mode (PgBouncer, Supavisor): no named statements. */
  DATABASE_PREPARED_STATEMENTS: booleanFlag("DATABASE_PREPARED_STATEMENTS").default(true),
  REFRESH_TOKEN_REUSE_INTERVAL_S: wholeNumber("REFRESH_TOKEN_REUSE_INTERVAL_S", 0, 3600, "a number of seconds").default(
    10,
  ),
  MAIL_SEND_TIMEOUT_MS: milliseconds("MAIL_SEND_TIMEOUT_MS", 1000, 600_000, 30_000),
  MAIL_RETRY_HOURS: z.coerce
    .number({ error: "MAIL_RETRY_HOURS must be a number of hours between 0.01 and 720" })
    .min(0.01, { error: "MAIL_RETRY_HOURS must be a number of hours between 0.01 and 720" })
    .max(24 * 30, { error: "MAIL_RETRY_HOURS must be a number of hours between 0.01 and 720" })
    .default(24),
});

/** The variables with every default applied: `APP_URL` follows `PORT` (DESIGN §8). */
export type Env = Omit<z.output<typeof envSchema>, "APP_URL"> & { APP_URL: string; APP_URL_SET: boolean };

/** The default `APP_URL` for a port: where `npm start` serves. */
export function defaultAppUrl(port: number): string {
  return `http://localhost:${port}`;
}

/** Treats empty strings as unset, the way shells and `.env` files usually mean them. */
export function cleanEnv(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ""),
  );
}

/** The configuration cannot be used; `problems` lists every one, in plain words. */
export class ConfigError extends Error {
  override name = "ConfigError";

  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
  }
}

/** "VARIABLE must …" (never the value: it may be a secret). */
function describeIssue(issue: z.core.$ZodIssue): string {
  const variable = String(issue.path[0] ?? "environment");
  return issue.message.startsWith(variable) ? issue.message : `${variable}: ${issue.message}`;
}

/** Validates every variable at once; throws a `ConfigError` listing all problems. */
export function parseEnv(env: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(cleanEnv(env));
  if (!result.success) throw new ConfigError([...new Set(result.error.issues.map(describeIssue))]);
  const { APP_URL, ...rest } = result.data;
  return { ...rest, APP_URL: APP_URL ?? defaultAppUrl(rest.PORT), APP_URL_SET: APP_URL !== undefined };
}
