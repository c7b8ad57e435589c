#!/usr/bin/env node
// `npm run bench`: the production build on the embedded database and on PostgreSQL, loaded on
// loopback (autocannon, bounded in time) with the real workload — requests rotate over
// BENCH_USERS signed-up people, each request updating its own caller — through each door's update
// endpoint, next to a floor measured in the same run: a bare route handler that verifies the
// access token and runs one statement checking the session and doing `UPDATE … RETURNING` (and a
// bare tRPC procedure doing the same, for `me.update`). Scenarios run in interleaved rounds
// (floor, A…E, tRPC floor, tRPC, then again), so a ratio compares runs seconds apart; each is the
// median of the rounds' ratios, with its range. Per endpoint: req/s, p50/p99, server CPU and
// PostgreSQL CPU per request (/proc), RSS before/after. Then one HOT-ROW stress line per database
// (all connections on one user). A report, no assertions.
// Knobs: BENCH_SECONDS (4, per scenario and round), BENCH_ROUNDS (3), BENCH_CONNECTIONS (16),
// BENCH_USERS (300), BENCH_WARMUP_SECONDS (1), BENCH_HOT_DOOR (A; "none" skips the hot row),
// BENCH_ONLY (pglite|postgres), BENCH_SKIP_BUILD (1: use the existing build), BENCH_DATABASE_URL
// (a PostgreSQL server where the bench may CREATE DATABASE).
import { spawnSync } from "node:child_process";
import { loadavg } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { SCENARIOS } from "./bench/doors.mjs";
import { loadRun, probe, unloadedRun } from "./bench/load.mjs";
import { rssMb } from "./bench/proc.mjs";
import { median, printHotRow, printTable, summarize } from "./bench/report.mjs";
import { backendPids, startServer, withPostgresDatabase } from "./bench/server.mjs";
import { renewTokens, seedUsers } from "./bench/users.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const env = process.env;
const settings = {
  seconds: Number(env.BENCH_SECONDS ?? 4),
  rounds: Number(env.BENCH_ROUNDS ?? 3),
  connections: Number(env.BENCH_CONNECTIONS ?? 16),
  users: Number(env.BENCH_USERS ?? 300),
  warmUp: Number(env.BENCH_WARMUP_SECONDS ?? 1),
  unloaded: 2,
  hotDoor: env.BENCH_HOT_DOOR ?? "A",
};
const ADMIN_URL = env.BENCH_DATABASE_URL ?? env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
// Access tokens live 15 minutes: renew those older than 10 before a round starts.
const TOKEN_RENEWAL_MS = 10 * 60_000;
const UNLOADED_PASSES = 4;

if (settings.users < settings.connections) {
  console.error(`BENCH_USERS (${settings.users}) must be at least BENCH_CONNECTIONS (${settings.connections}).`);
  process.exit(2);
}

/** Load time per database, in seconds (sign-ups and start-up come on top). */
function plannedSeconds() {
  const perScenario = settings.warmUp + settings.rounds * settings.seconds + settings.unloaded;
  return SCENARIOS.length * perScenario + (settings.hotDoor === "none" ? 0 : 2 * settings.seconds);
}

async function benchTarget(title, serverEnv, database) {
  const server = await startServer(root, serverEnv);
  try {
    const started = Date.now();
    const users = await seedUsers(server.base, settings.users);
    const target = { server, users, dbPids: database ? () => backendPids(database) : null };
    console.log(`\n${title}: ${users.length} users signed up in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const scenarios = [];
    for (const scenario of SCENARIOS)
      scenarios.push({ ...scenario, error: (await probe(target, scenario)) ?? undefined });
    const live = scenarios.filter((scenario) => !scenario.error);
    const rss = [rssMb(server.serverPid)];
    for (const scenario of live) await loadRun(target, scenario, { ...settings, seconds: settings.warmUp });
    const rounds = [];
    for (let index = 0; index < settings.rounds; index++) {
      await renewTokens(server.base, users, TOKEN_RENEWAL_MS);
      const round = new Map();
      for (const scenario of live) round.set(scenario.key, await loadRun(target, scenario, settings));
      rounds.push(round);
      rss.push(rssMb(server.serverPid));
    }
    // Unloaded: the scenarios take turns in short passes, so a slow moment of the machine does not
    // land on one of them only; each one's median over all its passes.
    const times = new Map(live.map((scenario) => [scenario.key, []]));
    for (let pass = 0; pass < UNLOADED_PASSES; pass++) {
      for (const scenario of live) {
        const run = await unloadedRun(target, scenario, settings.unloaded / UNLOADED_PASSES);
        times.get(scenario.key).push(...run.times);
      }
    }
    const unloaded = new Map([...times].map(([key, values]) => [key, values.length ? median(values) : null]));
    printTable(title, summarize(scenarios, rounds, unloaded), settings, rss);
    console.log(`(machine load average over the last minute: ${loadavg()[0].toFixed(1)} on 2 cores)`);
    const hot = [live.find((scenario) => scenario.floor === "rest"), live.find((s) => s.key === settings.hotDoor)];
    if (hot[0] && hot[1]) {
      const runs = [];
      for (const scenario of hot)
        runs.push({ name: scenario.name, run: await loadRun(target, scenario, { ...settings, hot: true }) });
      printHotRow(title, runs, settings);
    }
  } finally {
    await server.stop();
  }
}

if (env.BENCH_SKIP_BUILD !== "1") {
  const build = spawnSync(
    process.execPath,
    [path.join(root, "node_modules/turbo/bin/turbo"), "run", "build", "--output-logs=errors-only"],
    {
      cwd: root,
      stdio: "inherit",
      env: { ...env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", TURBO_TELEMETRY_DISABLED: "1" },
    },
  );
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const only = env.BENCH_ONLY;
console.log(
  `npm run bench: ${settings.users} users, ${settings.connections} connections, ${settings.rounds} rounds × ` +
    `${settings.seconds} s; about ${Math.round(plannedSeconds())} s of load per database, plus start-up and sign-ups ` +
    `(load average ${loadavg()[0].toFixed(1)}).`,
);
if (only !== "postgres") await benchTarget("Embedded PGlite", {}, null);
if (only !== "pglite") {
  await withPostgresDatabase(ADMIN_URL, (url, database) => benchTarget("PostgreSQL", { DATABASE_URL: url }, database));
}
