// The production server as `npm start` runs it, on a throwaway data folder, with the bench's
// floor routes enabled; and a throwaway PostgreSQL database.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** Starts `scripts/start.mjs` on 127.0.0.1 and waits until it answers. */
export async function startServer(root, env) {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), "profilehub-bench-"));
  const child = spawn(process.execPath, [path.join(root, "scripts/start.mjs")], {
    cwd: root,
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      PROFILEHUB_DATA_DIR: dataDir,
      PROFILEHUB_BENCH_ROUTES: "1",
      // The benchmark signs hundreds of users up and in from one address.
      SIGN_UP_LIMIT_PER_IP: "0",
      SIGN_IN_LIMIT_PER_ACCOUNT_IP: "0",
      SIGN_IN_LIMIT_PER_IP: "0",
      SIGN_IN_LIMIT_PER_ACCOUNT: "0",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout.on("data", (chunk) => (log += chunk));
  child.stderr.on("data", (chunk) => (log += chunk));
  const base = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 300_000; ;) {
    if (child.exitCode !== null) throw new Error(`the server exited:\n${log}`);
    const up = await fetch(`${base}/api/openapi.json`).then(
      (response) => response.ok,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) throw new Error(`the server did not start:\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  // start.mjs runs `next start` as its child: that process serves (and its RSS is the app's).
  const serverPid = Number(
    spawnSync("pgrep", ["-P", String(child.pid)], { encoding: "utf8" })
      .stdout.trim()
      .split("\n")[0],
  );
  return {
    base,
    rootPid: child.pid,
    serverPid,
    log: () => log,
    async stop() {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Runs `run(url, admin)` on a new database of the PostgreSQL server at `adminUrl`, dropped after;
 * `admin` is a connection to the server's maintenance database (to find the run's backends).
 * Resolves to `false` without running when the server cannot be reached.
 */
export async function withPostgresDatabase(adminUrl, run) {
  const admin = new pg.Client({ connectionString: adminUrl });
  try {
    await admin.connect();
  } catch (error) {
    console.log(`\nPostgreSQL: not measured (${adminUrl.replace(/:[^:@/]*@/, ":***@")} unreachable: ${error.message})`);
    return false;
  }
  const name = `profilehub_bench_${process.pid}`;
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    await run(url.toString(), { admin, database: name });
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
  return true;
}

/** The process ids of the PostgreSQL backends connected to `database` right now. */
export async function backendPids({ admin, database }) {
  const { rows } = await admin.query("SELECT pid FROM pg_stat_activity WHERE datname = $1", [database]);
  return rows.map((row) => row.pid);
}
