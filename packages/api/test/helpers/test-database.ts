import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { migrationsDir, type OpenDatabase, openDatabase } from "@profilehub/db";
import { applyMigrationsInProcess } from "@profilehub/db/schema-engine";
import pg from "pg";

export type TestDatabaseKind = "pglite" | "postgres";

export function testDatabaseKind(): TestDatabaseKind {
  return process.env.TEST_DB_KIND === "postgres" ? "postgres" : "pglite";
}

/** `false` in the `api:postgres-unprepared` project: the router's suite as behind a pooler. */
export const testPreparedStatements = (): boolean => process.env.TEST_DB_PREPARED_STATEMENTS !== "false";

export interface TestDatabase extends OpenDatabase {
  kind: TestDatabaseKind;
  /** A URL other clients (a second pool, the CLI) can use; `null` for in-memory PGlite. */
  url: string | null;
  /** Empties every table (fast reset between tests). */
  reset(): Promise<void>;
}

const TABLES = [
  "abuse_limits",
  "account_deletions",
  "audit_events",
  "mail_outbox",
  "email_tokens",
  "refresh_tokens",
  "sessions",
  "suspensions",
  "team_members",
  "users",
  "teams",
  "projects",
];

function adminUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url)
    throw new Error(
      "TEST_DB_KIND=postgres needs TEST_DATABASE_URL (a database on a server where we may CREATE DATABASE)",
    );
  return url;
}

async function createPostgresDatabase(): Promise<string> {
  const base = new URL(adminUrl());
  const name = `${base.pathname.slice(1) || "test"}_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

async function dropPostgresDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/** A fresh, fully migrated database of the kind this test project runs on. */
export async function createTestDatabase(kind: TestDatabaseKind = testDatabaseKind()): Promise<TestDatabase> {
  if (kind === "pglite") {
    const pglite = await PGlite.create();
    await applyMigrationsInProcess({ pglite, migrationsDir: migrationsDir() });
    const opened = await openDatabase({ url: "pglite:memory", pglite });
    return {
      ...opened,
      kind,
      url: null,
      reset: () => truncateAll(opened),
      async close() {
        await opened.close();
        await pglite.close();
      },
    };
  }
  const url = await createPostgresDatabase();
  await applyMigrationsInProcess({ url, migrationsDir: migrationsDir() });
  const opened = await openDatabase({ url, poolSize: 60, preparedStatements: testPreparedStatements() });
  return {
    ...opened,
    kind,
    url,
    reset: () => truncateAll(opened),
    async close() {
      await opened.close();
      await dropPostgresDatabase(url);
    },
  };
}

async function truncateAll(database: OpenDatabase): Promise<void> {
  await database.db.$executeRawUnsafe(
    `TRUNCATE ${TABLES.map((table) => `"${table}"`).join(", ")} RESTART IDENTITY CASCADE`,
  );
}
