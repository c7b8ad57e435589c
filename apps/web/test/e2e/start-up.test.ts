import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
const dataDir = mkdtempSync(path.join(tmpdir(), "profilehub-start-up-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** `npm start` with `env` until it exits by itself. */
function start(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(repoRoot, "scripts/start.mjs")], {
      cwd: repoRoot,
      env: { ...process.env, PROFILEHUB_DATA_DIR: dataDir, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.once("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const STACK_FRAME = /^\s+at .+\(.+:\d+:\d+\)$/m;

describe("starting the server", () => {
  it("lists every configuration problem at once, in plain words, without a stack trace or the values", async () => {
    const result = await start({
      PORT: "http",
      APP_URL: "ftp://example.com",
      AUTH_SECRET: "short-secret-value",
      LOG_LEVEL: "loud",
      CORS_ORIGINS: "https://ok.example.com, not an origin",
      EMAIL_CHANGE_CONFIRMATION: "perhaps",
      WEBHOOK_TIMEOUT_MS: "5",
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("ProfileHub cannot start.");
    for (const problem of [
      "PORT must be a port number between 0 and 65535",
      "APP_URL must be an http(s) URL",
      "AUTH_SECRET must be at least 32 characters",
      "LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent",
      "CORS_ORIGINS must be a comma-separated list of origins like https://app.example.com",
      "EMAIL_CHANGE_CONFIRMATION must be true or false",
      "WEBHOOK_TIMEOUT_MS must be a number of milliseconds between 100 and 60000",
    ]) {
      expect(result.stderr).toContain(`  - ${problem}`);
    }
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expect(result.stderr + result.stdout).not.toContain("short-secret-value");
    expect(result.stdout).not.toContain("ProfileHub settings:"); // nothing runs on a bad configuration
  }, 300_000);

  it("prints the effective settings with secrets masked, then says plainly that the database cannot be reached", async () => {
    const secrets = {
      AUTH_SECRET: "auth-secret-for-the-start-up-test-0123456789",
      SERVER_API_KEY: "server-key-for-the-start-up-test-0123456789",
      METRICS_TOKEN: "metrics-token-for-the-start-up-test-0123456",
    };
    const port = await closedPort();
    const result = await start({
      ...secrets,
      DATABASE_URL: `postgres://app:db-password-in-the-url@127.0.0.1:${port}/profilehub`,
      SMTP_URL: "smtp://mailer:smtp-password-in-the-url@127.0.0.1:2525",
      CORS_ORIGINS: "https://app.example.com,https://admin.example.com/",
      TRUST_PROXY: "1",
      LOG_LEVEL: "warn",
      APP_URL: "https://profiles.example.com",
    });
    expect(result.code).toBe(1);
    const settings = result.stdout.slice(result.stdout.indexOf("ProfileHub settings:"));
    expect(settings).toMatch(/database: +PostgreSQL postgres:\/\/app:\*\*\*@127\.0\.0\.1:\d+\/profilehub/);
    expect(settings).toMatch(/mail: +SMTP smtp:\/\/mailer:\*\*\*@127\.0\.0\.1:2525/);
    expect(settings).toMatch(/app URL: +https:\/\/profiles\.example\.com/);
    expect(settings).toMatch(/CORS origins: +https:\/\/app\.example\.com, https:\/\/admin\.example\.com\n/);
    expect(settings).toMatch(/trusted proxies: +1\n/);
    expect(settings).toMatch(/log level: +warn\n/);
    expect(settings).toMatch(/auth secret: +set \(AUTH_SECRET\)/);
    expect(settings).toMatch(/server key: +set \(SERVER_API_KEY\)/);
    expect(settings).toMatch(/metrics token: +set \(METRICS_TOKEN\)/);
    expect(result.stderr).toMatch(
      /Cannot prepare the database at postgres:\/\/app:\*\*\*@127\.0\.0\.1:\d+\/profilehub/,
    );
    expect(result.stderr).not.toMatch(STACK_FRAME);
    const everything = result.stdout + result.stderr;
    for (const secret of [...Object.values(secrets), "db-password-in-the-url", "smtp-password-in-the-url"]) {
      expect(everything).not.toContain(secret);
    }
  }, 300_000);
});
