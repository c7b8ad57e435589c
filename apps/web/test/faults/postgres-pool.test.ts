import { startTcpProxy, type TcpProxy } from "@profilehub/api/testing";
import { isDatabaseUnavailable, type OpenDatabase, openDatabase, STALL_GRACE_MS } from "@profilehub/db";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/** The PostgreSQL pool against a real server, through a TCP proxy that cuts and stalls it. */
const base = new URL(process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres");
const name = `${base.pathname.slice(1) || "postgres"}_pool_${process.pid}`;
const TIMEOUTS = { connectTimeoutMs: 500, acquireTimeoutMs: 800, statementTimeoutMs: 500 };
const MARGIN_MS = 1500;

const admin = async (sql: string) => {
  const client = new pg.Client({ connectionString: base.toString() });
  await client.connect();
  await client.query(sql);
  await client.end();
};

let proxy: TcpProxy;
let database: OpenDatabase;

beforeAll(async () => {
  await admin(`CREATE DATABASE "${name}"`);
  proxy = await startTcpProxy({ host: base.hostname, port: Number(base.port || 5432) });
  const url = new URL(base);
  url.hostname = proxy.host;
  url.port = String(proxy.port);
  url.pathname = `/${name}`;
  database = await openDatabase({ url: url.toString(), poolSize: 4, timeouts: TIMEOUTS });
  await database.db.$executeRawUnsafe(`CREATE TABLE items (id int PRIMARY KEY)`);
});

afterAll(async () => {
  await database?.close();
  await proxy?.close();
  await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
});

/** A parameterized statement: prepared once per connection under its derived name. */
const probe = (value: number) => database.db.$queryRaw<{ value: number }[]>`SELECT ${value}::int AS value`;

async function failureOf(run: () => Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const started = Date.now();
  try {
    await run();
  } catch (error) {
    return { error, ms: Date.now() - started };
  }
  throw new Error("expected a failure");
}

describe("PostgreSQL pool: bounded, typed, self-healing", () => {
  it("passes a statement's own errors through unchanged (not 'unavailable')", async () => {
    await database.db.$executeRaw`INSERT INTO items (id) VALUES (1)`;
    const duplicate = await failureOf(() => database.db.$executeRaw`INSERT INTO items (id) VALUES (1)`);
    expect(isDatabaseUnavailable(duplicate.error)).toBe(false);
    const syntax = await failureOf(() => database.db.$queryRawUnsafe("SELEC 1"));
    expect(isDatabaseUnavailable(syntax.error)).toBe(false);
    expect(await probe(1)).toEqual([{ value: 1 }]);
  });

  it("cancels a statement past the statement timeout (57014) as 'unavailable', and the pool goes on", async () => {
    const slow = await failureOf(() => database.db.$queryRawUnsafe("SELECT pg_sleep(3)"));
    expect(isDatabaseUnavailable(slow.error)).toBe(true);
    expect(slow.ms).toBeLessThan(TIMEOUTS.statementTimeoutMs + MARGIN_MS);
    expect(await probe(2)).toEqual([{ value: 2 }]);
  });

  it("reports a cut database as 'unavailable' at once and recovers as soon as it is back", async () => {
    expect(await probe(3)).toEqual([{ value: 3 }]);
    await proxy.cut();
    const cut = await failureOf(() => probe(4));
    expect(isDatabaseUnavailable(cut.error)).toBe(true);
    expect(cut.ms).toBeLessThan(TIMEOUTS.acquireTimeoutMs + MARGIN_MS);
    await proxy.pass();
    // The same prepared statement, on a new connection.
    expect(await probe(5)).toEqual([{ value: 5 }]);
  });

  it("gives up on a stalled database within the statement timeout plus grace, then recovers", async () => {
    expect(await probe(6)).toEqual([{ value: 6 }]);
    proxy.stall();
    const stalled = await Promise.all([failureOf(() => probe(7)), failureOf(() => probe(8))]);
    for (const { error, ms } of stalled) {
      expect(isDatabaseUnavailable(error)).toBe(true);
      expect(ms).toBeLessThan(TIMEOUTS.acquireTimeoutMs + TIMEOUTS.statementTimeoutMs + STALL_GRACE_MS + MARGIN_MS);
    }
    await proxy.pass();
    expect(await probe(9)).toEqual([{ value: 9 }]);
  });

  it("bounds and types the statements of a transaction too, which then rolls back", async () => {
    const stalledMidway = await failureOf(() =>
      database.db.$transaction(async (tx) => {
        await tx.$executeRaw`INSERT INTO items (id) VALUES (100)`;
        proxy.stall();
        await tx.$executeRaw`INSERT INTO items (id) VALUES (101)`;
      }),
    );
    expect(isDatabaseUnavailable(stalledMidway.error)).toBe(true);
    expect(stalledMidway.ms).toBeLessThan(TIMEOUTS.statementTimeoutMs + STALL_GRACE_MS + MARGIN_MS);
    await proxy.pass();
    expect(await probe(17)).toEqual([{ value: 17 }]);
    const rows = await database.db.$queryRaw<{ id: number }[]>`SELECT id FROM items WHERE id >= 100`;
    expect(rows).toEqual([]);
  });

  it("survives the server terminating its connections (57P01): any failure is 'unavailable', then it answers", async () => {
    await Promise.all([probe(10), probe(11), probe(12)]);
    await admin(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}' AND pid <> pg_backend_pid()`,
    );
    const results = await Promise.allSettled([probe(13), probe(14), probe(15)]);
    for (const result of results) {
      if (result.status === "rejected") expect(isDatabaseUnavailable(result.reason)).toBe(true);
    }
    expect(await probe(16)).toEqual([{ value: 16 }]);
  });
});
