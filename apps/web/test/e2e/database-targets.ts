import path from "node:path";
import pg from "pg";

/** A database `npm start` can run on in an end-to-end test: the embedded one, or PostgreSQL. */
export interface DatabaseTarget {
  name: string;
  /** The server's database variables (creates the PostgreSQL database). */
  env(): Promise<Record<string, string>>;
  /** The database's URL, for a client once the server using `dataDir` has stopped. */
  url(dataDir: string): string;
  cleanup(): Promise<void>;
}

/**
 * Embedded PGlite always; with TEST_DATABASE_URL, also a fresh PostgreSQL database named after the
 * test file (`label`) and this process, dropped by `cleanup`.
 */
export function databaseTargets(label: string): DatabaseTarget[] {
  const targets: DatabaseTarget[] = [
    {
      name: "embedded PGlite",
      env: () => Promise.resolve({}),
      url: (dataDir) => `pglite:${path.join(dataDir, "pglite")}`,
      cleanup: () => Promise.resolve(),
    },
  ];
  if (!process.env.TEST_DATABASE_URL) return targets;
  const base = new URL(process.env.TEST_DATABASE_URL);
  const name = `${base.pathname.slice(1)}_${label}_${process.pid}`;
  const database = new URL(base);
  database.pathname = `/${name}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: base.toString() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  targets.push({
    name: "PostgreSQL",
    async env() {
      await admin(`CREATE DATABASE "${name}"`);
      return { DATABASE_URL: database.toString() };
    },
    url: () => database.toString(),
    cleanup: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  });
  return targets;
}
