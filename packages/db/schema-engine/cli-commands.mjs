// The engine's one-shot commands, run by the Prisma CLI as
//   <engine> --datasource '{"url":"…"}' cli can-connect-to-database|create-database|drop-database
// The WASM engine has no create/drop database, and the native engine's error codes
// (P1001 unreachable, P1003 missing database, …) are what the CLI branches on
// (`migrate dev` creates the database on P1003), so these talk to PostgreSQL with
// `pg` directly and reproduce the native messages.
import fs from "node:fs";
import path from "node:path";

import { openPglite, parseDatabaseUrl, redactUrl } from "./adapter.mjs";

/** An error with a Prisma error code, reported like the native engine does. */
export class CliCommandError extends Error {
  /** @param {string} code e.g. P1001, or '' when unknown @param {string} message */
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

/** @param {import('./adapter.mjs').PostgresUrlInfo} db @param {any} e */
function pgError(db, e) {
  const at = `${db.host}:${db.port}`;
  switch (e?.code) {
    case "ECONNREFUSED":
    case "ENOTFOUND":
    case "EAI_AGAIN":
    case "EHOSTUNREACH":
    case "ENETUNREACH":
    case "ECONNRESET":
      return new CliCommandError(
        "P1001",
        `Can't reach database server at \`${at}\`\n\nPlease make sure your database server is running at \`${at}\`.`,
      );
    case "ETIMEDOUT":
      return new CliCommandError(
        "P1002",
        `The database server at \`${at}\` was reached but timed out.\n\nPlease try again.\n\nPlease make sure your database server is running at \`${at}\`.`,
      );
    case "3D000":
      return new CliCommandError(
        "P1003",
        `Database \`${db.database}\` does not exist on the database server at \`${at}\`.`,
      );
    case "28P01":
    case "28000":
      return new CliCommandError(
        "P1000",
        `Authentication failed against database server at \`${db.host}\`, the provided database credentials for \`${db.user}\` are not valid.\n\nPlease make sure to provide valid database credentials for the database server at \`${db.host}\`.`,
      );
    case "42501":
      return new CliCommandError("P1010", `User \`${db.user}\` was denied access on the database \`${db.database}\``);
    case "42P04":
      return new CliCommandError(
        "P1009",
        `Database \`${db.database}\` already exists on the database server at \`${at}\``,
      );
    default:
      if (/timeout/i.test(String(e?.message))) return pgError(db, { code: "ETIMEDOUT" });
      return new CliCommandError("", redactUrl(String(e?.message ?? e)));
  }
}

/**
 * Run `fn` with a connected pg client on `database` (default: the URL's).
 * @template T @param {import('./adapter.mjs').PostgresUrlInfo} db
 * @param {(client: import('pg').Client) => Promise<T>} fn @param {string} [database]
 */
async function withPg(db, fn, database) {
  const { default: pg } = await import("pg");
  const client = new pg.Client({
    connectionString: db.url,
    connectionTimeoutMillis: 10_000,
    ...(database ? { database } : {}),
  });
  client.on("error", () => {}); // reported through the failing call instead
  try {
    await client.connect();
    return await fn(client);
  } catch (e) {
    throw pgError(db, e);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Connect to the server's maintenance database (`postgres`, else `template1`). */
async function withMaintenanceDb(
  /** @type {import('./adapter.mjs').PostgresUrlInfo} */ db,
  /** @type {(c: any) => Promise<any>} */ fn,
) {
  try {
    return await withPg(db, fn, "postgres");
  } catch (e) {
    if (/** @type {CliCommandError} */ (e).code !== "P1003") throw e;
    return withPg(db, fn, "template1");
  }
}

const quoteIdent = (/** @type {string} */ s) => `"${s.replace(/"/g, '""')}"`;

/** @param {import('./adapter.mjs').PgliteUrlInfo} db @param {(c: any) => Promise<void>} [fn] */
async function withPglite(db, fn) {
  let client;
  try {
    client = await openPglite(db);
    await client.query("SELECT 1");
    if (fn) await fn(client);
  } catch (e) {
    if (e instanceof CliCommandError) throw e;
    throw new CliCommandError(
      "",
      `Could not open the PGlite database ${db.memory ? "in memory" : `in ${db.dataDir}`}: ${/** @type {Error} */ (e)?.message ?? e}`,
    );
  } finally {
    await client?.close().catch(() => {});
  }
}

/**
 * `cli can-connect-to-database`. A PGlite folder is created (and initialised) when
 * missing, so the CLI never needs `create-database` for PGlite.
 * @param {string} url @returns {Promise<string>} success message
 */
export async function canConnectToDatabase(url) {
  const db = parseUrlOrThrow(url);
  if (db.kind === "postgres") await withPg(db, (c) => c.query("SELECT 1"));
  // PGlite takes seconds to boot: only initialise a folder that is not a database yet.
  else if (!db.memory && !fs.existsSync(path.join(/** @type {string} */ (db.dataDir), "PG_VERSION")))
    await withPglite(db);
  return "Connection successful";
}

/** `cli create-database` @param {string} url */
export async function createDatabase(url) {
  const db = parseUrlOrThrow(url);
  if (db.kind === "pglite") {
    await withPglite(db);
    return {
      databaseName: db.dataDir ?? "memory",
      message: `Database '${db.dataDir ?? "memory"}' was successfully created.`,
    };
  }
  await withMaintenanceDb(db, (c) => c.query(`CREATE DATABASE ${quoteIdent(db.database)}`));
  return { databaseName: db.database, message: `Database '${db.database}' was successfully created.` };
}

/** `cli drop-database`: PostgreSQL `DROP DATABASE`; PGlite: delete the data folder. @param {string} url */
export async function dropDatabase(url) {
  const db = parseUrlOrThrow(url);
  if (db.kind === "pglite") {
    if (db.dataDir && fs.existsSync(db.dataDir)) {
      if (!fs.existsSync(path.join(db.dataDir, "PG_VERSION"))) {
        throw new CliCommandError("", `Refusing to delete ${db.dataDir}: it is not a PGlite data folder.`);
      }
      fs.rmSync(db.dataDir, { recursive: true, force: true });
    }
  } else {
    await withMaintenanceDb(db, (c) => c.query(`DROP DATABASE ${quoteIdent(db.database)}`));
  }
  return "The database was successfully dropped.";
}

/** @param {string | undefined} url */
function parseUrlOrThrow(url) {
  if (!url) throw new CliCommandError("", "The datasource URL is missing: set `datasource.url` in prisma.config.ts.");
  try {
    return parseDatabaseUrl(url);
  } catch (e) {
    throw new CliCommandError("P1013", `The provided database string is invalid. ${/** @type {Error} */ (e).message}`);
  }
}
