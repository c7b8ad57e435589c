#!/usr/bin/env node
// `npm start`: build what is missing, then run the server (apps/web/dist/server.mjs), which
// validates the configuration, applies pending migrations and serves on PORT.
// `npm run dev`: the same server around `next dev` (no production build).
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dev = process.argv.includes("--dev");

const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  TURBO_TELEMETRY_DISABLED: "1",
  DO_NOT_TRACK: "1",
  CHECKPOINT_DISABLE: "1",
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  // Absolute, so the server (running in apps/web) and scripts agree on one data folder.
  PROFILEHUB_DATA_DIR: path.resolve(root, process.env.PROFILEHUB_DATA_DIR || ".data"),
  ...(dev ? {} : { NODE_ENV: "production" }),
};

function run(command, args, label) {
  const result = spawnSync(command, args, { cwd: root, env, stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`\n${label} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
}

// 1. The Prisma client is generated at install; regenerate if it is missing.
if (!existsSync(path.join(root, "packages/db/src/generated/prisma/client.ts"))) {
  run(process.execPath, [path.join(root, "node_modules/prisma/build/index.js"), "generate"], "prisma generate");
}

// 2. Production build through turbo (a cache hit when nothing changed since the last build);
//    in development only the server around Next.js is bundled.
if (dev) {
  run(process.execPath, [path.join(root, "apps/web/scripts/build-server.mjs")], "Bundling the server");
} else {
  run(
    process.execPath,
    [path.join(root, "node_modules/turbo/bin/turbo"), "run", "build", "--output-logs=errors-only"],
    "Build",
  );
}

// 3. Memory (docs/performance.md, "Memory"): V8 grows its old space far past the live data before it
//    collects, and glibc keeps one malloc arena per thread. Bounded by default; any heap flag in
//    NODE_OPTIONS, or MALLOC_ARENA_MAX in the environment, is left as the operator set it (and
//    `npm run dev` keeps V8's defaults: it compiles pages in the same process).
const heapFlags =
  dev || /--max-(old|semi)-space-size/.test(process.env.NODE_OPTIONS ?? "")
    ? []
    : ["--max-old-space-size=192", "--max-semi-space-size=16"];
env.MALLOC_ARENA_MAX ??= "2";

// 4. Serve. Started as plain node (not npx) so stopping this process stops the server; SIGTERM
//    and SIGINT are passed on and the server's exit code is ours (0 after a graceful shutdown).
const serverArgs = [...heapFlags, path.join(root, "apps/web/dist/server.mjs"), ...(dev ? ["--dev"] : [])];
const server = spawn(process.execPath, serverArgs, {
  cwd: path.join(root, "apps/web"),
  env,
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
