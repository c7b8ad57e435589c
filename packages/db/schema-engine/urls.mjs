// Database URL conventions.
//
// URL convention (shared by prisma.config.ts, the engine bridge and the app):
//   postgres://user:pass@host:5432/db   PostgreSQL server, through @prisma/adapter-pg
//   postgresql://…                      same
//   pglite:/abs/path/to/data-dir        embedded PGlite persisted in that folder
//   pglite:relative/dir                 same, resolved against the current directory
//   pglite:///abs/path                  file-URL style (percent-decoded)
//   pglite:memory  (alias: memory://)   in-memory PGlite: lives only as long as the process
// The Prisma CLI passes any `datasource.url` through to the engine unchanged, so a
// `pglite:` URL works for `provider = "postgresql"`; it only prints
// `Datasource "db": PostgreSQL database` without host details.
//
// No dependencies: prisma.config.ts imports this during `prisma generate`.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** @typedef {{ kind: 'pglite', memory: boolean, dataDir: string | null, url: string }} PgliteUrlInfo */
/** @typedef {{ kind: 'postgres', url: string, host: string, port: number, database: string, user: string, schema: string | null }} PostgresUrlInfo */
/** @typedef {PgliteUrlInfo | PostgresUrlInfo} DatabaseUrlInfo */

/** @param {string} url */
export function isPostgresUrl(url) {
  return /^postgres(ql)?:\/\//i.test(url);
}

/** @param {string} url */
export function isPgliteUrl(url) {
  return /^pglite:/i.test(url) || /^memory:\/\//i.test(url);
}

/**
 * Parse a database URL following the convention above.
 * @param {string} url
 * @returns {DatabaseUrlInfo}
 */
export function parseDatabaseUrl(url) {
  if (typeof url !== "string" || url.trim() === "") throw new Error("The database URL is empty.");
  if (isPostgresUrl(url)) {
    const u = new URL(url);
    return {
      kind: "postgres",
      url,
      host: decodeURIComponent(u.hostname) || "localhost",
      port: u.port ? Number(u.port) : 5432,
      database: decodeURIComponent(u.pathname.replace(/^\//, "")) || "postgres",
      user: decodeURIComponent(u.username) || process.env.PGUSER || "postgres",
      schema: u.searchParams.get("schema"),
    };
  }
  if (isPgliteUrl(url)) {
    const rest = url.replace(/^pglite:/i, "");
    if (/^memory:\/\//i.test(url) || /^memory:?$/i.test(rest) || /^\/\/memory\/?$/i.test(rest)) {
      return { kind: "pglite", memory: true, dataDir: null, url };
    }
    const dir = rest.startsWith("//") ? fileURLToPath(`file:${rest}`) : path.resolve(rest);
    if (rest === "" || dir === path.parse(dir).root) throw new Error(`Invalid PGlite URL ${url}: no data folder.`);
    return { kind: "pglite", memory: false, dataDir: dir, url };
  }
  throw new Error(
    `Unsupported database URL ${redactUrl(url)}: expected postgres://…, postgresql://…, pglite:/path/to/dir or pglite:memory.`,
  );
}

/**
 * Replace the password of a URL by `***` (also inside longer text: every URL-ish
 * `scheme://user:password@` occurrence is redacted).
 * @param {string} text
 */
export function redactUrl(text) {
  return String(text).replace(/([a-z][a-z0-9+.-]*:\/\/[^:/?#@\s]*):[^@/\s]*@/gi, "$1:***@");
}

/** `pglite:` URL for a data folder (absolute). @param {string} dataDir */
export function pgliteUrlForDir(dataDir) {
  return `pglite:${path.resolve(dataDir)}`;
}

/**
 * The project's database URL: `DATABASE_URL` when set, otherwise the PGlite folder
 * `<PROFILEHUB_DATA_DIR or <repoRoot>/.data>/pglite`.
 * @param {{ env?: Record<string, string | undefined>, repoRoot?: string, createDir?: boolean }} [opts]
 */
export function resolveDatabaseUrl({ env = process.env, repoRoot = process.cwd(), createDir = false } = {}) {
  if (env.DATABASE_URL && env.DATABASE_URL.trim() !== "") return env.DATABASE_URL.trim();
  const base = env.PROFILEHUB_DATA_DIR ? path.resolve(repoRoot, env.PROFILEHUB_DATA_DIR) : path.join(repoRoot, ".data");
  const dataDir = path.join(base, "pglite");
  if (createDir) fs.mkdirSync(dataDir, { recursive: true });
  return pgliteUrlForDir(dataDir);
}
