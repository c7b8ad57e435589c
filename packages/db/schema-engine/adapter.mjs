// Driver-adapter factories for the schema engine (PGlite and PostgreSQL), with the
// fixes the engine needs on top of pglite-prisma-adapter 0.7.2 and @prisma/adapter-pg
// 7.10.0. URL helpers live in urls.mjs (re-exported here).
//
// Heavy dependencies (pg, PGlite, adapters) are imported lazily so that importing
// this module (e.g. from prisma.config.ts during `prisma generate`) costs nothing.
import fs from "node:fs";

import { isPgliteUrl, parseDatabaseUrl } from "./urls.mjs";

export {
  isPgliteUrl,
  isPostgresUrl,
  parseDatabaseUrl,
  pgliteUrlForDir,
  redactUrl,
  resolveDatabaseUrl,
} from "./urls.mjs";
/** @typedef {import('./urls.mjs').PgliteUrlInfo} PgliteUrlInfo */
/** @typedef {import('./urls.mjs').PostgresUrlInfo} PostgresUrlInfo */

/**
 * pglite-prisma-adapter 0.7.2 does not await `client.exec()` in `executeScript`, so a
 * failing migration script becomes an unhandled rejection instead of an engine
 * error. Replace it on the adapter instance (the binder uses the instance method).
 * @param {any} adapter @param {any} client
 */
function fixPgliteAdapter(adapter, client) {
  adapter.executeScript = async (/** @type {string} */ script) => {
    try {
      await client.exec(script);
    } catch (e) {
      adapter.onError(e); // rethrows as DriverAdapterError for database errors
    }
  };
  return adapter;
}

/**
 * Migration-aware factory for PGlite: main connection on `client`, and a fresh
 * in-memory PGlite as shadow database for each `connectToShadowDb()` (closed when
 * the engine disposes it, or by `close()`).
 */
class PgliteMigrationFactory {
  provider = "postgres";
  adapterName = "pglite-prisma-adapter";
  /** @param {any} mod modules @param {any} client PGlite */
  constructor(mod, client) {
    this.mod = mod;
    this.client = client;
    /** @type {Set<any>} */
    this.shadows = new Set();
  }
  async connect() {
    const adapter = await new this.mod.PrismaPGlite(this.client).connect();
    return fixPgliteAdapter(adapter, this.client);
  }
  async connectToShadowDb() {
    const shadow = await this.mod.PGlite.create();
    this.shadows.add(shadow);
    const adapter = fixPgliteAdapter(await new this.mod.PrismaPGlite(shadow).connect(), shadow);
    adapter.dispose = async () => {
      if (this.shadows.delete(shadow)) await shadow.close();
    };
    return adapter;
  }
  async closeShadows() {
    for (const s of [...this.shadows]) {
      this.shadows.delete(s);
      await s.close().catch(() => {});
    }
  }
}

/**
 * @prisma/adapter-pg 7.10.0 rejects PostgreSQL's internal `"char"` type (OID 18) as
 * UnsupportedNativeDataType, but the engine reads pg_catalog columns of that type
 * when describing a schema (`migrate dev`, `diff`): "Column type 'char' could not be
 * deserialized". Report those columns as `text` (OID 25); pg hands the value over as
 * a string either way. Applied to the adapter and to its transactions.
 * @param {any} queryable
 */
function fixPgCharColumns(queryable) {
  const performIO = queryable.performIO.bind(queryable);
  queryable.performIO = async (/** @type {unknown} */ query) => {
    const result = await performIO(query);
    for (const field of result?.fields ?? []) if (field.dataTypeID === 18) field.dataTypeID = 25;
    return result;
  };
  if (typeof queryable.startTransaction === "function") {
    const startTransaction = queryable.startTransaction.bind(queryable);
    queryable.startTransaction = async (/** @type {unknown[]} */ ...args) =>
      fixPgCharColumns(await startTransaction(...args));
  }
  return queryable;
}

/**
 * A temporary shadow database on the PostgreSQL server, dropped when the engine
 * disposes it (what the native engine does; needs CREATEDB). Not adapter-pg's own
 * `connectToShadowDb()`: it builds the shadow pool as `{ connectionString, database }`
 * and pg lets the connection string win, so it would connect to the MAIN database.
 * @param {string} url @param {any} PrismaPg @param {any} pgOptions
 */
async function createPgShadowDb(url, PrismaPg, pgOptions) {
  const { default: pg } = await import("pg");
  const name = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID()}`;
  const admin = new pg.Client({ connectionString: url });
  admin.on("error", () => {});
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } catch (e) {
    await admin.end().catch(() => {});
    throw e;
  }
  const shadowUrl = new URL(url);
  shadowUrl.pathname = `/${name}`;
  const adapter = fixPgCharColumns(await new PrismaPg({ connectionString: shadowUrl.toString() }, pgOptions).connect());
  const dispose = adapter.dispose.bind(adapter);
  adapter.dispose = async () => {
    await dispose();
    try {
      await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
    } finally {
      await admin.end().catch(() => {});
    }
  };
  return adapter;
}

async function loadPglite() {
  const [{ PGlite }, { PrismaPGlite }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("pglite-prisma-adapter"),
  ]);
  return { PGlite, PrismaPGlite };
}

/**
 * Open (creating if needed) the PGlite database of a `pglite:` URL.
 * @param {PgliteUrlInfo} info
 */
export async function openPglite(info) {
  const { PGlite } = await loadPglite();
  // A smaller buffer pool than PostgreSQL's default 128 MB: the embedded database lives in the
  // app's own memory, and a profile store's working set is small.
  const startParams = [...PGlite.defaultStartParams, "-c", "shared_buffers=32MB"];
  if (info.memory) return PGlite.create({ startParams });
  fs.mkdirSync(/** @type {string} */ (info.dataDir), { recursive: true });
  return PGlite.create({ dataDir: /** @type {string} */ (info.dataDir), startParams });
}

/**
 * Adapter factory for a database URL, for `SchemaEngine.new` (use `.bound`).
 *
 * Shadow database (`migrate dev`, `diff --from-migrations`): PGlite gets a throw-away
 * in-memory PGlite. PostgreSQL gets a temporary `prisma_migrate_shadow_db_<uuid>`
 * database on the same server, dropped afterwards (like the native engine; needs
 * CREATEDB); if the role may not create databases, or `shadowDatabaseUrl` is
 * `pglite:memory`, an in-memory PGlite is used instead.
 *
 * @param {string} url
 * @param {{ shadowDatabaseUrl?: string | null, pglite?: any }} [opts] `pglite`: an
 *   already open PGlite instance to use instead of opening the URL (not closed by `close()`).
 */
export async function adapterFactoryForUrl(url, opts = {}) {
  const { bindMigrationAwareSqlAdapterFactory } = await import("@prisma/driver-adapter-utils");
  const shadowUrl = opts.shadowDatabaseUrl ?? null;
  if (shadowUrl && !(isPgliteUrl(shadowUrl) && /** @type {PgliteUrlInfo} */ (parseDatabaseUrl(shadowUrl)).memory)) {
    throw new Error("The engine bridge only supports `pglite:memory` as shadowDatabaseUrl (or none).");
  }
  if (opts.pglite || isPgliteUrl(url)) {
    const mod = await loadPglite();
    const info = opts.pglite ? null : /** @type {PgliteUrlInfo} */ (parseDatabaseUrl(url));
    const client = opts.pglite ?? (await openPglite(/** @type {PgliteUrlInfo} */ (info)));
    const factory = new PgliteMigrationFactory(mod, client);
    return {
      kind: /** @type {const} */ ("pglite"),
      factory,
      bound: bindMigrationAwareSqlAdapterFactory(/** @type {any} */ (factory)),
      client,
      async close() {
        await factory.closeShadows();
        if (!opts.pglite && !client.closed) await client.close();
      },
    };
  }
  const info = /** @type {PostgresUrlInfo} */ (parseDatabaseUrl(url));
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const pgOptions = info.schema ? { schema: info.schema } : undefined;
  const pgFactory = new PrismaPg({ connectionString: url }, pgOptions);
  /** @type {PgliteMigrationFactory | null} */
  let pgliteShadow = null;
  const shadowFromPglite = async () => {
    pgliteShadow ??= new PgliteMigrationFactory(await loadPglite(), null);
    return pgliteShadow.connectToShadowDb();
  };
  /** @type {Set<any>} */
  const open = new Set();
  /** Track connections so close() can end their pools (dispose exactly once). @param {any} adapter */
  const track = (adapter) => {
    const dispose = adapter.dispose.bind(adapter);
    open.add(adapter);
    adapter.dispose = async () => {
      if (open.delete(adapter)) await dispose();
    };
    return adapter;
  };
  const factory = {
    provider: "postgres",
    adapterName: pgFactory.adapterName,
    connect: async () => track(fixPgCharColumns(await pgFactory.connect())),
    async connectToShadowDb() {
      if (shadowUrl) return shadowFromPglite();
      try {
        return track(await createPgShadowDb(url, PrismaPg, pgOptions));
      } catch (e) {
        // 42501 insufficient_privilege: the role lacks CREATEDB. Fall back to PGlite.
        if (/** @type {any} */ (e)?.code !== "42501") throw e;
        process.emitWarning("CREATE DATABASE denied: using an in-memory PGlite shadow database.");
        return shadowFromPglite();
      }
    },
  };
  return {
    kind: /** @type {const} */ ("postgres"),
    factory,
    bound: bindMigrationAwareSqlAdapterFactory(/** @type {any} */ (factory)),
    client: null,
    async close() {
      for (const a of [...open]) await a.dispose().catch(() => {});
      await pgliteShadow?.closeShadows();
    },
  };
}
