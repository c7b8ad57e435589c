#!/usr/bin/env node
// `npm run bench`: the production build on the embedded database and on PostgreSQL; each door's
// update endpoint loaded on loopback (autocannon, bounded in time) next to a floor measured in the
// same run — a bare route handler doing one `UPDATE … RETURNING` on the same row. The scenarios run
// in interleaved rounds (floor, A…E, tRPC floor, tRPC, then again), so a ratio compares
// measurements taken seconds apart; each ratio is the median over the rounds, with its range.
// Prints req/s, p50/p99 and the ratio to the floor, plus the server's RSS before, after the first
// round and after the last (growth across repeated runs shows there). No assertions.
// Knobs: BENCH_SECONDS (4, per scenario and round), BENCH_ROUNDS (3), BENCH_CONNECTIONS (16),
// BENCH_ONLY (pglite|postgres), BENCH_DATABASE_URL (a PostgreSQL database where the bench may
// CREATE DATABASE).
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import pg from "pg";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const ADMIN_URL =
  process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const rssMb = (pid) => {
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]);
    return Math.round(kb / 1024);
  } catch {
    return NaN;
  }
};

async function startServer(env) {
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
      LOGIN_RATE_LIMIT: "0",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout.on("data", (chunk) => (log += chunk));
  child.stderr.on("data", (chunk) => (log += chunk));
  const base = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 300_000; ;) {
    if (child.exitCode !== null) throw new Error(`the server exited:\n${log}`);
    if (
      await fetch(`${base}/api/openapi.json`).then(
        (response) => response.ok,
        () => false,
      )
    )
      break;
    if (Date.now() > deadline) throw new Error(`the server did not start:\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  const serverPid = Number(
    spawnSync("pgrep", ["-P", String(child.pid)], { encoding: "utf8" })
      .stdout.trim()
      .split("\n")[0],
  );
  return {
    base,
    serverPid,
    async stop() {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function json(base, method, route, body, headers = {}) {
  const response = await fetch(`${base}${route}`, {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json().catch(() => null) };
}

/** One user, and the request of each door that updates them. */
async function scenarios(base) {
  const signup = await json(base, "POST", "/api/auth/signup", {
    email: "bench@example.com",
    password: "bench password 1",
  });
  if (signup.status !== 201) throw new Error(`sign-up failed: ${JSON.stringify(signup.body)}`);
  const { user, accessToken } = signup.body;
  const bearer = { authorization: `Bearer ${accessToken}`, "content-type": "application/json" };
  const body = (value) => JSON.stringify(value);
  return [
    {
      name: "floor: bare UPDATE … RETURNING",
      floor: "rest",
      method: "PUT",
      path: "/api/bench/floor",
      headers: { "content-type": "application/json" },
      body: body({ userId: user.id, bio: "bench" }),
    },
    {
      name: "A  PUT /api/v3/auth/user",
      vs: "rest",
      method: "PUT",
      path: "/api/v3/auth/user",
      headers: bearer,
      body: body({ data: { theme: "dark" } }),
    },
    {
      name: "B  PATCH /:projectId/users/:userId",
      vs: "rest",
      method: "PATCH",
      path: `/default/users/${user.id}`,
      headers: bearer,
      body: body({ update: { name: "Bench" } }),
    },
    {
      name: "C  PUT /api/user/update",
      vs: "rest",
      method: "PUT",
      path: "/api/user/update",
      headers: { authorization: accessToken, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        json: JSON.stringify({ name: "Bench", surname: "User", email: "bench@example.com" }),
      }).toString(),
    },
    {
      name: "D  PATCH /api/v1/users/me",
      vs: "rest",
      method: "PATCH",
      path: "/api/v1/users/me",
      headers: {
        "content-type": "application/json",
        "x-stack-project-id": "default",
        "x-stack-access-type": "client",
        "x-stack-access-token": accessToken,
      },
      body: body({ display_name: "Bench" }),
    },
    {
      name: "E  PUT /users/{id}",
      vs: "rest",
      method: "PUT",
      path: `/users/${user.number}`,
      headers: bearer,
      body: body({ user: { first_name: "Bench" } }),
    },
    {
      name: "floor: bare tRPC procedure",
      floor: "trpc",
      method: "POST",
      path: "/api/bench/trpc/floor",
      headers: { "content-type": "application/json" },
      body: body({ userId: user.id, bio: "bench" }),
    },
    {
      name: "tRPC me.update",
      vs: "trpc",
      method: "POST",
      path: "/api/trpc/me.update",
      headers: bearer,
      body: body({ displayName: "Bench" }),
    },
  ];
}

const load = (base, scenario, connections, duration) =>
  autocannon({
    url: `${base}${scenario.path}`,
    method: scenario.method,
    headers: scenario.headers,
    body: scenario.body,
    connections,
    duration,
  });

/** Every route under load once first, so no measurement pays for compiling or loading code. */
async function warmUp(base, list) {
  for (const scenario of list) await load(base, scenario, CONNECTIONS, 2);
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Refuses a scenario whose request does not succeed, so an error page is never measured. */
async function probe(base, scenario) {
  const response = await fetch(`${base}${scenario.path}`, {
    method: scenario.method,
    headers: scenario.headers,
    body: scenario.body,
  });
  return response.ok ? null : `HTTP ${response.status}`;
}

/** One round: every scenario loaded once, one after the other. */
async function round(base, list) {
  const results = new Map();
  for (const scenario of list) {
    const loaded = await load(base, scenario, CONNECTIONS, SECONDS);
    results.set(scenario.name, {
      rps: loaded.requests.average,
      p50: loaded.latency.p50,
      p99: loaded.latency.p99,
      errors: loaded.non2xx + loaded.errors + loaded.timeouts,
    });
  }
  return results;
}

function summarize(list, rounds, unloaded) {
  return list.map((scenario) => {
    if (scenario.error) return scenario;
    const samples = rounds.map((results) => results.get(scenario.name));
    const floorName = scenario.vs ? list.find((other) => other.floor === scenario.vs)?.name : undefined;
    const ratios = floorName
      ? rounds.map((results) => results.get(scenario.name).rps / results.get(floorName).rps)
      : [];
    return {
      ...scenario,
      rps: median(samples.map((sample) => sample.rps)),
      p50: median(samples.map((sample) => sample.p50)),
      p99: median(samples.map((sample) => sample.p99)),
      errors: samples.reduce((sum, sample) => sum + sample.errors, 0),
      unloadedP50: unloaded.get(scenario.name),
      ratio: ratios.length ? { median: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios) } : null,
    };
  });
}

function printTable(title, rows, rss) {
  const percent = (value) => `${(value * 100).toFixed(0)}`;
  console.log(
    `\n${title}  (${CONNECTIONS} connections, ${ROUNDS} rounds × ${SECONDS} s; RSS ${rss.join(" MB → ")} MB)`,
  );
  console.log(
    "endpoint                                  req/s    p50 ms   p99 ms   unloaded p50 ms   vs floor (range)   errors",
  );
  for (const row of rows) {
    if (row.error) {
      console.log(`${row.name.padEnd(40)}  not measured: ${row.error}`);
      continue;
    }
    const ratio = row.ratio
      ? `${percent(row.ratio.median)} % (${percent(row.ratio.min)}–${percent(row.ratio.max)})`
      : "—";
    console.log(
      `${row.name.padEnd(40)} ${row.rps.toFixed(0).padStart(6)} ${String(row.p50).padStart(9)} ${String(row.p99).padStart(8)} ${String(row.unloadedP50).padStart(17)} ${ratio.padStart(18)} ${String(row.errors).padStart(8)}`,
    );
  }
}

async function benchTarget(title, env) {
  const server = await startServer(env);
  try {
    const all = await scenarios(server.base);
    for (const scenario of all) scenario.error = (await probe(server.base, scenario)) ?? undefined;
    const list = all.filter((scenario) => !scenario.error);
    const rss = [rssMb(server.serverPid)];
    await warmUp(server.base, list);
    const rounds = [];
    for (let index = 0; index < ROUNDS; index++) {
      rounds.push(await round(server.base, list));
      if (index === 0 || index === ROUNDS - 1) rss.push(rssMb(server.serverPid));
    }
    const unloaded = new Map();
    for (const scenario of list) unloaded.set(scenario.name, (await load(server.base, scenario, 1, 2)).latency.p50);
    printTable(title, summarize(all, rounds, unloaded), rss);
  } finally {
    await server.stop();
  }
}

async function withPostgresDatabase(run) {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  try {
    await admin.connect();
  } catch (error) {
    console.log(
      `\nPostgreSQL: not measured (${ADMIN_URL.replace(/:[^:@/]*@/, ":***@")} unreachable: ${error.message})`,
    );
    return;
  }
  const name = `profilehub_bench_${process.pid}`;
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  try {
    await run(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

const build = spawnSync(
  process.execPath,
  [path.join(root, "node_modules/turbo/bin/turbo"), "run", "build", "--output-logs=errors-only"],
  {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", TURBO_TELEMETRY_DISABLED: "1" },
  },
);
if (build.status !== 0) process.exit(build.status ?? 1);

// BENCH_ONLY=pglite|postgres measures one database.
const only = process.env.BENCH_ONLY;
if (only !== "postgres") await benchTarget("Embedded PGlite", {});
if (only !== "pglite") await withPostgresDatabase((url) => benchTarget("PostgreSQL", { DATABASE_URL: url }));
