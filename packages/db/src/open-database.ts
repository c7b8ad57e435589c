import type { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";

import { openPglite, parseDatabaseUrl, redactUrl } from "../schema-engine/adapter.mjs";
import { DatabaseUnreachableError } from "./errors";
import { PrismaClient } from "./generated/prisma/client";
import { countPgliteUse, pgPoolStats, type PoolStats } from "./pool-stats";
import { createPostgresPool, POSTGRES_TIMEOUT_DEFAULTS, type PostgresTimeouts } from "./postgres-pool";
import { preparedStatementName } from "./prepared-statement-name";
import { enableDirectRows } from "./raw-rows";

export type Database = PrismaClient;

export interface OpenDatabase {
  db: Database;
  kind: "pglite" | "postgres";
  /** The URL with its password redacted, for logs. */
  displayUrl: string;
  /** The embedded database, when `kind` is `pglite`. */
  pglite: PGlite | null;
  /** The client's connections now (PGlite: one, shared by everything). */
  poolStats(): PoolStats;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** `postgres://…`, `pglite:/path/to/dir` or `pglite:memory` (see schema-engine/adapter.mjs). */
  url: string;
  /** An already open PGlite to use instead of opening the URL (left open on close). */
  pglite?: PGlite;
  /** PostgreSQL pool size (default 10). */
  poolSize?: number;
  /** PostgreSQL connect, pool and statement timeouts (defaults: `POSTGRES_TIMEOUT_DEFAULTS`). */
  timeouts?: Partial<PostgresTimeouts>;
  /**
   * PostgreSQL: prepare each statement once per connection under a name (default). `false` sends
   * every statement unnamed, as a pooler in transaction mode (PgBouncer, Supavisor) requires: the
   * next statement may run on another server connection, where a named one does not exist.
   */
  preparedStatements?: boolean;
}

/** Opens the Prisma client on PGlite or PostgreSQL and proves the connection works. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<OpenDatabase> {
  const info = parseDatabaseUrl(options.url);
  const displayUrl = redactUrl(options.url);
  if (options.pglite || info.kind === "pglite") {
    const ownsPglite = !options.pglite;
    // Loaded only for the embedded database: a server on PostgreSQL never loads PGlite's code.
    const [{ PrismaPGlite }, { withPreparedStatements }] = await Promise.all([
      import("pglite-prisma-adapter"),
      import("./pglite-prepared"),
    ]);
    const pglite = options.pglite ?? (await openPglite(info as Extract<typeof info, { kind: "pglite" }>));
    const counted = countPgliteUse(withPreparedStatements(pglite));
    const adapter = new PrismaPGlite(counted.pglite);
    const db = new PrismaClient({ adapter });
    enableDirectRows(db, adapter);
    return {
      db,
      kind: "pglite",
      displayUrl,
      pglite,
      poolStats: counted.stats,
      async close() {
        await db.$disconnect();
        if (ownsPglite && !pglite.closed) await pglite.close();
      },
    };
  }
  const poolSize = options.poolSize ?? 10;
  const pool = createPostgresPool({
    url: options.url,
    max: poolSize,
    timeouts: { ...POSTGRES_TIMEOUT_DEFAULTS, ...options.timeouts },
  });
  const adapter = new PrismaPg(pool, {
    ...(options.preparedStatements === false
      ? {}
      : { statementNameGenerator: (query: { sql: string }) => preparedStatementName(query.sql) }),
    disposeExternalPool: true,
  });
  const db = new PrismaClient({ adapter });
  enableDirectRows(db, adapter);
  try {
    await db.$queryRaw`SELECT 1`;
  } catch (error) {
    await db.$disconnect().catch(() => {});
    throw new DatabaseUnreachableError(options.url, error);
  }
  return {
    db,
    kind: "postgres",
    displayUrl,
    pglite: null,
    poolStats: pgPoolStats(pool, poolSize),
    close: () => db.$disconnect(),
  };
}
