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
      LOGIN_RATE_LIMIT: "lots",
    });
    expect(problems).toEqual([
      "PORT must be a port number between 0 and 65535",
      "SERVER_API_KEY must be at least 32 characters",
      "LOGIN_RATE_LIMIT must be a whole number between 0 and 100000",
      "METRICS_TOKEN must be at least 32 characters",
      "TRUST_PROXY must be a number of proxy hops between 0 and 10",
    ]);
    expect(problems.join("\n")).not.toContain("too-short-key");
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
