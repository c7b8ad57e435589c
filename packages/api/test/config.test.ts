import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

import { ConfigError, describeSettings, loadConfig, parseEnv } from "../src/config";

const dataDir = mkdtempSync(path.join(tmpdir(), "profilehub-config-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    parseEnv(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe("configuration", () => {
  it("reports every problem at once, naming the variable and never its value", () => {
    const problems = problemsOf({
      PORT: "99999",
      SERVER_API_KEY: "too-short-key",
      METRICS_TOKEN: "short",
      TRUST_PROXY: "-1",
      SIGN_IN_LIMIT_PER_IP: "lots",
      SIGN_UP_LIMIT_WINDOW_S: "0",
    });
    expect(problems).toEqual([
      "PORT must be a port number between 0 and 65535",
      "SERVER_API_KEY must be at least 32 characters",
      "SIGN_IN_LIMIT_PER_IP must be a whole number between 0 and 1000000",
      "SIGN_UP_LIMIT_WINDOW_S must be a number of seconds between 1 and 86400",
      "METRICS_TOKEN must be at least 32 characters",
      "TRUST_PROXY must be a number of proxy hops between 0 and 10",
    ]);
    expect(problems.join("\n")).not.toContain("too-short-key");
  });

  it("defaults APP_URL to the port served (DESIGN §8), and keeps an explicit one", () => {
    expect(parseEnv({})).toMatchObject({ APP_URL: "http://localhost:3000", APP_URL_SET: false });
    expect(parseEnv({ PORT: "4123" })).toMatchObject({ APP_URL: "http://localhost:4123", APP_URL_SET: false });
    expect(parseEnv({ PORT: "4123", APP_URL: "" })).toMatchObject({ APP_URL: "http://localhost:4123" });
    expect(parseEnv({ PORT: "4123", APP_URL: "https://p.example.com/" })).toMatchObject({
      APP_URL: "https://p.example.com",
      APP_URL_SET: true,
    });
  });

  it("parses the operating settings with their defaults", () => {
    expect(parseEnv({})).toMatchObject({ LOG_LEVEL: "info", TRUST_PROXY: 0, CORS_ORIGINS: [] });
    expect(
      parseEnv({
        LOG_LEVEL: "debug",
        TRUST_PROXY: "2",
        CORS_ORIGINS: " https://a.example.com/ ,http://localhost:5173",
      }),
    ).toMatchObject({
      LOG_LEVEL: "debug",
      TRUST_PROXY: 2,
      CORS_ORIGINS: ["https://a.example.com", "http://localhost:5173"],
    });
    expect(problemsOf({ CORS_ORIGINS: "*" })).toEqual([
      "CORS_ORIGINS must be a comma-separated list of origins like https://app.example.com",
    ]);
  });

  it("behind a pooler: prepared statements off, migrations to the direct URL", () => {
    const defaults = loadConfig({}, dataDir);
    expect(defaults.databasePreparedStatements).toBe(true);
    expect(defaults.env.DATABASE_DIRECT_URL).toBeUndefined();
    const pooled = loadConfig(
      {
        DATABASE_URL: "postgres://app@pooler:6432/app",
        DATABASE_DIRECT_URL: "postgres://app@db:5432/app",
        DATABASE_PREPARED_STATEMENTS: "false",
      },
      dataDir,
    );
    expect(pooled.databasePreparedStatements).toBe(false);
    expect(pooled.env.DATABASE_DIRECT_URL).toBe("postgres://app@db:5432/app");
    expect(problemsOf({ DATABASE_PREPARED_STATEMENTS: "maybe", DATABASE_DIRECT_URL: "mysql://x" })).toEqual([
      "DATABASE_DIRECT_URL must start with postgres:// or postgresql://",
      "DATABASE_PREPARED_STATEMENTS must be true or false",
    ]);
  });

  it("reads the abuse limits, and warns when the account-wide lock is close to the per-address limit", () => {
    const loaded = loadConfig(
      {
        SIGN_IN_LIMIT_PER_ACCOUNT_IP: "4",
        SIGN_IN_LIMIT_PER_IP: "40",
        SIGN_IN_LIMIT_PER_ACCOUNT: "8",
        SIGN_IN_LIMIT_WINDOW_S: "600",
        SIGN_UP_LIMIT_PER_IP: "0",
        CURRENT_PASSWORD_LIMIT: "3",
        LOGIN_RATE_LIMIT: "20",
      },
      dataDir,
    );
    expect(loaded.config.abuseLimits).toEqual({
      signInPerAccountIp: { limit: 4, windowSeconds: 600 },
      signInPerIp: { limit: 40, windowSeconds: 600 },
      signInPerAccount: { limit: 8, windowSeconds: 600 },
      signUpPerIp: { limit: 0, windowSeconds: 3600 },
      currentPasswordPerAccount: { limit: 3, windowSeconds: 900 },
    });
    expect(loaded.warnings).toEqual([
      expect.stringContaining("SIGN_IN_LIMIT_PER_ACCOUNT (8) is close to SIGN_IN_LIMIT_PER_ACCOUNT_IP (4)"),
      expect.stringContaining("LOGIN_RATE_LIMIT is no longer used"),
    ]);
    const rows = Object.fromEntries(describeSettings(loaded, { database: "x", dataDir }));
    expect(rows["sign-in limits"]).toBe("failures: 4 per account and address, 40 per address, 8 per account / 10 min");
    expect(rows["sign-up limit"]).toBe("no limit per address / 60 min");
    expect(loadConfig({}, dataDir).warnings).toEqual([]);
  });

  it("describes the effective settings with every secret masked", () => {
    const secrets = {
      AUTH_SECRET: "an-auth-secret-that-is-long-enough-0123",
      SERVER_API_KEY: "a-server-key-that-is-long-enough-012345",
      METRICS_TOKEN: "a-metrics-token-that-is-long-enough-0123",
    };
    const loaded = loadConfig(
      {
        ...secrets,
        SMTP_URL: "smtp://mailer:mail-password@mail.example.com:587",
        CORS_ORIGINS: "https://a.example.com",
      },
      dataDir,
    );
    const rows = Object.fromEntries(
      describeSettings(loaded, { database: "PostgreSQL postgres://app:***@db:5432/hub", dataDir }),
    );
    expect(rows).toMatchObject({
      database: "PostgreSQL postgres://app:***@db:5432/hub",
      mail: "SMTP smtp://mailer:***@mail.example.com:587, from ProfileHub <no-reply@profilehub.local>",
      "CORS origins": "https://a.example.com",
      "trusted proxies": "0",
      "auth secret": "set (AUTH_SECRET)",
      "server key": "set (SERVER_API_KEY)",
      "metrics token": "set (METRICS_TOKEN)",
      "Stack project id": 'f7ae08d3-a03c-4e12-85e4-d72dd343f0df (project "default")',
    });
    const text = JSON.stringify(rows);
    for (const secret of [...Object.values(secrets), "mail-password"]) expect(text).not.toContain(secret);
    const generated = Object.fromEntries(describeSettings(loadConfig({}, dataDir), { database: "x", dataDir }));
    expect(generated["server key"]).toBe(`generated, kept in ${dataDir}/secrets.json`);
  });
});
