import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { SecretsSeen } from "./log-secrets";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");

export interface RunningServer {
  baseUrl: string;
  dataDir: string;
  /** Everything the server printed (stdout and stderr). */
  output(): string;
  /** The access and error log: the JSON lines printed after the start-up banner. */
  logLines(): Record<string, any>[];
  /** Credentials seen in this server's traffic (`http()` adds what it sends and receives). */
  secrets: SecretsSeen;
  /** The process id of `npm start` (scripts/start.mjs). */
  pid: number;
  /** Resolves with the exit code once `npm start` has exited. */
  exited: Promise<number | null>;
  /**
   * SIGTERM, then checks what every test of a running server must hold: a graceful exit (code 0)
   * and no credential of its traffic in its log.
   */
  stop(options?: { keepData?: boolean }): Promise<void>;
}

/** Secrets per server, filled by `http()` (keyed by base URL). */
const secretsByServer = new Map<string, SecretsSeen>();

/** What the server logged after it started listening (before: the banner, which may show a generated key once). */
function afterBanner(log: string): string {
  const start = log.indexOf('"msg":"listening on');
  return start >= 0 ? log.slice(start) : log;
}

/** The server's own secrets: generated into the data folder, or given in its environment. */
function serverSecrets(secrets: SecretsSeen, dataDir: string, env: Record<string, string>): void {
  try {
    secrets.addFromJson(JSON.parse(readFileSync(path.join(dataDir, "secrets.json"), "utf8")));
  } catch {
    // none generated: both came from the environment
  }
  for (const name of ["AUTH_SECRET", "SERVER_API_KEY", "METRICS_TOKEN"]) secrets.add(env[name]);
  for (const name of ["DATABASE_URL", "SMTP_URL"]) if (env[name]) secrets.add(new URL(env[name]).password);
}

function checkLog(log: string, secrets: SecretsSeen): void {
  const leaked = secrets.foundIn(afterBanner(log));
  if (leaked.length > 0)
    throw new Error(`The server logged ${leaked.length} secret(s) of its traffic: ${leaked.join(", ")}`);
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * `npm start` exactly as a user runs it (build if needed, migrate, serve), on a free port with its
 * own data folder (or `options.dataDir`, e.g. a stopped server's); `env` adds e.g. DATABASE_URL or
 * SMTP_URL.
 */
export async function startServer(
  env: Record<string, string> = {},
  options: { dataDir?: string } = {},
): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), "profilehub-web-"));
  let log = "";
  const child: ChildProcess = spawn(process.execPath, [path.join(repoRoot, "scripts/start.mjs")], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      PROFILEHUB_DATA_DIR: dataDir,
      APP_URL: `http://127.0.0.1:${port}`,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  child.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const secrets = new SecretsSeen();
  secretsByServer.set(baseUrl, secrets);
  const deadline = Date.now() + 240_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${log}`);
    try {
      const response = await fetch(`${baseUrl}/`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`npm start did not answer in time:\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    baseUrl,
    dataDir,
    secrets,
    pid: child.pid!,
    exited,
    output: () => log,
    logLines: () =>
      afterBanner(log)
        .split("\n")
        .filter((line) => line.startsWith("{"))
        .map((line) => JSON.parse(line) as Record<string, any>),
    async stop({ keepData = false } = {}) {
      try {
        if (child.exitCode === null) child.kill("SIGTERM");
        const code = await exited;
        if (code !== 0) throw new Error(`npm start exited with ${code} on SIGTERM:\n${log}`);
        serverSecrets(secrets, dataDir, env);
        checkLog(log, secrets);
      } finally {
        secretsByServer.delete(baseUrl);
        if (!keepData) rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}

/** A small JSON client for the tests. */
export function http(baseUrl: string) {
  return async (
    method: string,
    route: string,
    options: { body?: unknown; token?: string; headers?: Record<string, string> } = {},
  ) => {
    const headers: Record<string, string> = {
      ...(options.body === undefined ? {} : { "content-type": "application/json" }),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    };
    const secrets = secretsByServer.get(baseUrl);
    secrets?.addFromRequest(route, headers, options.body);
    const response = await fetch(`${baseUrl}${route}`, {
      method,
      headers,
      ...(options.body === undefined
        ? {}
        : { body: typeof options.body === "string" ? options.body : JSON.stringify(options.body) }),
    });
    const text = await response.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    secrets?.addFromResponse(response.headers, json);
    return { status: response.status, headers: response.headers, text, json: json as Record<string, any> };
  };
}
