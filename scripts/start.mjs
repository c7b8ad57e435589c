#!/usr/bin/env node
// `npm start`: build what is missing, apply pending migrations, serve on PORT.
// `npm run dev`: the same with `next dev` (no build).
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { applyMigrationsInProcess, redactUrl, resolveDatabaseUrl } from "../packages/db/schema-engine/index.mjs";

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

// 2. Production build through turbo: a cache hit when nothing changed since the last build.
if (!dev) {
  run(
    process.execPath,
    [path.join(root, "node_modules/turbo/bin/turbo"), "run", "build", "--output-logs=errors-only"],
    "Build",
  );
}

// 3. Pending migrations, on PGlite (created on first start) or PostgreSQL.
const url = resolveDatabaseUrl({ env, repoRoot: root, createDir: true });
try {
  const applied = await applyMigrationsInProcess({
    url,
    schemaPath: path.join(root, "prisma/schema.prisma"),
    migrationsDir: path.join(root, "prisma/migrations"),
  });
  console.log(
    applied.length > 0 ? `Applied migrations: ${applied.join(", ")}` : `Database is up to date (${redactUrl(url)}).`,
  );
} catch (error) {
  console.error(`Cannot prepare the database at ${redactUrl(url)}:\n  ${redactUrl(error?.message ?? String(error))}`);
  process.exit(1);
}

// 4. Serve. Started as plain node (not npx) so stopping this process stops the server.
const port = env.PORT || "3000";
const nextArgs = [path.join(root, "node_modules/next/dist/bin/next"), dev ? "dev" : "start", "-p", port];
const server = spawn(process.execPath, nextArgs, { cwd: path.join(root, "apps/web"), env, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
