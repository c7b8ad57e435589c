#!/usr/bin/env -S node --experimental-websocket
// `npm run bench:profile`: where a door's time goes, against the floor. Starts the production
// build (run `npm run build` first) on PostgreSQL (or PGlite), signs up BENCH_USERS people, warms
// up and loads each of PROFILE_SCENARIOS (floor,D) once, prints what the server's memory is made
// of, then in PROFILE_ROUNDS interleaved rounds takes a V8 CPU profile of the server under the
// rotating load of each scenario (the inspector opened with SIGUSR1, sampling every 250 µs).
// `scripts/bench/stages.mjs` attributes each profile per stage; the shares are applied to the
// main thread's CPU time from /proc (wall-clock samples inflate on a shared machine, shares much
// less). Profiles, figures and memory.json go to PROFILE_OUT (a temporary folder). Loopback only.
// Knobs: PROFILE_NODE_OPTIONS (extra server flags), PROFILE_SCENARIOS, PROFILE_SECONDS (6), PROFILE_ROUNDS (2), PROFILE_DATABASE
// (postgres|pglite), BENCH_USERS (300), BENCH_CONNECTIONS (16), PROFILE_OUT.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { SCENARIOS } from "./bench/doors.mjs";
import { activateInspector, connect } from "./bench/inspector.mjs";
import { loadRun } from "./bench/load.mjs";
import { memoryReport, printMemory } from "./bench/memory.mjs";
import { cpuMs, rssMb } from "./bench/proc.mjs";
import { backendPids, startServer, withPostgresDatabase } from "./bench/server.mjs";
import { attribute, printStages } from "./bench/stages.mjs";
import { seedUsers } from "./bench/users.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const env = process.env;
const keys = (env.PROFILE_SCENARIOS ?? "floor,D").split(",");
const seconds = Number(env.PROFILE_SECONDS ?? 6);
const rounds = Number(env.PROFILE_ROUNDS ?? 2);
const connections = Number(env.BENCH_CONNECTIONS ?? 16);
const userCount = Number(env.BENCH_USERS ?? 300);
const out = env.PROFILE_OUT ?? mkdtempSync(path.join(tmpdir(), "profilehub-profile-"));
mkdirSync(out, { recursive: true });
const ADMIN_URL = env.BENCH_DATABASE_URL ?? env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

async function profileTarget(serverEnv, database) {
  // --inspect-port=0: the inspector, once opened, listens on a free loopback port.
  // PROFILE_NODE_OPTIONS: extra flags for the server, to try memory or GC settings.
  const nodeOptions = `--inspect-port=0 ${env.PROFILE_NODE_OPTIONS ?? ""}`.trim();
  const server = await startServer(root, { ...serverEnv, NODE_OPTIONS: nodeOptions });
  const atStart = rssMb(server.serverPid);
  try {
    const users = await seedUsers(server.base, userCount);
    const afterSignUps = rssMb(server.serverPid);
    const target = { server, users, dbPids: database ? () => backendPids(database) : null };
    const scenarios = keys.map((key) => SCENARIOS.find((scenario) => scenario.key === key));
    for (const scenario of scenarios) await loadRun(target, scenario, { connections, seconds: 2 });
    for (const scenario of scenarios) await loadRun(target, scenario, { connections, seconds });
    const rss = { atStart, afterSignUps, afterLoad: rssMb(server.serverPid) };
    const inspector = await connect(await activateInspector(server.serverPid, server.log));
    const memory = await memoryReport(inspector, server.serverPid);
    writeFileSync(path.join(out, "memory.json"), JSON.stringify({ rss, ...memory }, null, 2));
    await inspector.send("Profiler.enable");
    await inspector.send("Profiler.setSamplingInterval", { interval: 250 });
    const totals = new Map(scenarios.map((scenario) => [scenario.key, { scenario, parts: [] }]));
    for (let round = 1; round <= rounds; round++) {
      for (const scenario of scenarios) {
        const mainThread = `${server.serverPid}/task/${server.serverPid}`;
        const mainBefore = cpuMs(mainThread);
        await inspector.send("Profiler.start");
        const run = await loadRun(target, scenario, { connections, seconds });
        const { profile } = await inspector.send("Profiler.stop");
        const part = { run, mainThreadMs: cpuMs(mainThread) - mainBefore, stages: attribute(profile) };
        writeFileSync(path.join(out, `${scenario.key}-${round}.cpuprofile`), JSON.stringify(profile));
        writeFileSync(
          path.join(out, `${scenario.key}-${round}.run.json`),
          JSON.stringify({ ...run, mainThreadMs: part.mainThreadMs }, null, 2),
        );
        totals.get(scenario.key).parts.push(part);
      }
    }
    if (rounds > 0) printStages([...totals.values()]);
    printMemory({ rss, ...memory });
    inspector.close();
  } finally {
    await server.stop();
  }
}

if (env.PROFILE_DATABASE === "pglite") await profileTarget({}, null);
else await withPostgresDatabase(ADMIN_URL, (url, database) => profileTarget({ DATABASE_URL: url }, database));
console.log(`\nprofiles, run figures and memory.json in ${out}`);
