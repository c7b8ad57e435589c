#!/usr/bin/env node
// `npm run db:drift`: fails when prisma/schema.prisma has changes that no migration creates.
// Replays prisma/migrations on an in-memory PGlite (the engine's shadow database) and diffs the
// result with the schema, through the standard Prisma CLI and the WASM engine bridge.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const result = spawnSync(
  process.execPath,
  [
    path.join(root, "node_modules/prisma/build/index.js"),
    "migrate",
    "diff",
    "--from-migrations",
    "prisma/migrations",
    "--to-schema",
    "prisma/schema.prisma",
    "--exit-code",
  ],
  {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: "pglite:memory", CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  },
);
process.stdout.write(result.stdout ?? "");
if (result.status === 0) {
  console.log("No drift: the migrations produce exactly prisma/schema.prisma.");
} else if (result.status === 2) {
  console.error(
    "\nDrift: prisma/schema.prisma has changes without a migration. Run `npx prisma migrate dev --name <change>`.",
  );
} else {
  console.error(`\nThe drift check could not run (exit ${result.status ?? result.signal}).`);
}
process.exit(result.status ?? 1);
