// Reading `prisma/migrations` the way the Prisma CLI does, and applying migrations
// in-process (app start-up, tests) without spawning the CLI.
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";

import { createWasmSchemaEngine } from "./wasm-engine.mjs";

const LOCKFILE = "migration_lock.toml";
const MIGRATION_FILE = "migration.sql";

/**
 * Build the engine's `MigrationList` exactly like the Prisma 7 CLI does: every
 * sub-folder of `migrationsDir` is a migration (sorted by name), its `migration.sql`
 * is read (a read failure is passed as `{ tag: "error" }` so the engine reports it),
 * and the lockfile content is `null` when absent. `baseDir` is passed as given.
 * @param {string} migrationsDir
 * @param {{ shadowDbInitScript?: string }} [opts] `migrations.initShadowDb` of prisma.config.ts
 */
export async function loadMigrationsList(migrationsDir, { shadowDbInitScript = "" } = {}) {
  const lockfile = {
    path: LOCKFILE,
    content: await fsp.readFile(path.join(migrationsDir, LOCKFILE), "utf-8").catch(() => null),
  };
  /** @type {fs.Dirent[]} */
  let entries = [];
  try {
    entries = await fsp.readdir(migrationsDir, { withFileTypes: true });
  } catch {
    entries = [];
  }
  const migrationDirectories = [];
  for (const dir of entries.filter((d) => d.isDirectory())) {
    const content = await fsp
      .readFile(path.join(migrationsDir, dir.name, MIGRATION_FILE), "utf-8")
      .then((value) => ({ tag: /** @type {const} */ ("ok"), value }))
      .catch((e) => ({ tag: /** @type {const} */ ("error"), value: String(e.message) }));
    migrationDirectories.push({ path: dir.name, migrationFile: { path: MIGRATION_FILE, content } });
  }
  migrationDirectories.sort((a, b) => a.path.localeCompare(b.path));
  return { baseDir: migrationsDir, lockfile, migrationDirectories, shadowDbInitScript };
}

/**
 * Read a schema: a single `.prisma` file, or a folder of them (multi-file schema).
 * @param {string} schemaPath
 * @returns {Promise<[string, string][]>} [path, content] pairs
 */
export async function readSchemaFiles(schemaPath) {
  const abs = path.resolve(schemaPath);
  if (!fs.statSync(abs).isDirectory()) return [[abs, await fsp.readFile(abs, "utf-8")]];
  const files = (await fsp.readdir(abs, { recursive: true, withFileTypes: true }))
    .filter((d) => d.isFile() && d.name.endsWith(".prisma"))
    .map((d) => path.join(d.parentPath ?? /** @type {any} */ (d).path, d.name))
    .sort();
  return Promise.all(files.map(async (f) => /** @type {[string, string]} */ ([f, await fsp.readFile(f, "utf-8")])));
}

/**
 * Apply the pending migrations of `migrationsDir` to a database (what
 * `prisma migrate deploy` does) and return the names of those just applied.
 * Throws a SchemaEngineError (with `.code`, e.g. P3009 failed migration) on failure.
 *
 * @param {{ url?: string, pglite?: any, schemaPath?: string, migrationsDir: string,
 *   onLog?: (line: string) => void }} opts
 *   `url`: database URL (see adapter.mjs); or `pglite`: an already open PGlite instance
 *   (left open: share it with the app, or use a fresh `new PGlite()` in tests).
 *   `schemaPath`: schema file/folder (default: none, a minimal postgresql datasource).
 * @returns {Promise<string[]>}
 */
export async function applyMigrationsInProcess({ url, pglite, schemaPath, migrationsDir, onLog }) {
  if (!url && !pglite) throw new Error("applyMigrationsInProcess: pass `url` or `pglite`.");
  const datamodels = schemaPath ? await readSchemaFiles(schemaPath) : undefined;
  const migrationsList = await loadMigrationsList(path.resolve(migrationsDir));
  const engine = await createWasmSchemaEngine({ datamodels, url, pglite, onLog });
  try {
    const out = await engine.call("applyMigrations", {
      migrationsList,
      filters: { externalTables: [], externalEnums: [] },
    });
    return out.appliedMigrationNames;
  } finally {
    await engine.close();
  }
}
