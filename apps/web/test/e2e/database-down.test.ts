import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { http, type RunningServer, startServer } from "./running-server";
import { startTcpProxy, type TcpProxy } from "./tcp-proxy";

const adminUrl = process.env.TEST_DATABASE_URL;

async function until<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  for (const deadline = Date.now() + timeoutMs; ;) {
    const value = await probe();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Readiness follows the database: a TCP proxy in front of PostgreSQL takes it away and back. */
describe("readiness when the database goes away", () => {
  if (!adminUrl) {
    it("needs PostgreSQL (TEST_DATABASE_URL): embedded PGlite cannot go away", () => {
      expect(adminUrl).toBeUndefined();
    });
    return;
  }
  const base = new URL(adminUrl);
  const name = `${base.pathname.slice(1)}_down_${process.pid}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: base.toString() });
    await client.connect();
    await client.query(sql);
    await client.end();
  };
  let proxy: TcpProxy;
  let server: RunningServer;
  let call: ReturnType<typeof http>;
  beforeAll(async () => {
    await admin(`CREATE DATABASE "${name}"`);
    proxy = await startTcpProxy({ host: base.hostname, port: Number(base.port || 5432) });
    const url = new URL(base);
    url.host = `127.0.0.1:${proxy.port}`;
    url.pathname = `/${name}`;
    server = await startServer({ DATABASE_URL: url.toString() });
    call = http(server.baseUrl);
  }, 300_000);
  afterAll(async () => {
    await proxy?.restore(); // the server closes its database on the way out
    await server?.stop();
    await proxy?.close();
    await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });

  it("answers 503 naming the database while it is unreachable, and 200 again once it is back", async () => {
    expect((await call("GET", "/api/ready")).status).toBe(200);
    await proxy.cut();
    const down = await until(
      () => call("GET", "/api/ready"),
      (answer) => answer.status === 503,
    );
    expect(down.status).toBe(503);
    expect(down.json).toMatchObject({
      status: "unavailable",
      failed: ["database"],
      checks: {
        server: { status: "ok" },
        database: { status: "failed", detail: "the database did not answer" },
        migrations: { status: "skipped" },
      },
    });
    expect(down.text).not.toContain(String(proxy.port)); // no host, port or URL in the answer
    expect((await call("GET", "/api/health")).status).toBe(200); // the process itself is fine
    await proxy.restore();
    const up = await until(
      () => call("GET", "/api/ready"),
      (answer) => answer.status === 200,
    );
    expect(up.status).toBe(200);
  }, 120_000);

  it("answers 503 naming the migrations when one the build ships is not applied", async () => {
    const url = new URL(base);
    url.pathname = `/${name}`;
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    try {
      const { rows } = await client.query<{ migration_name: string }>(
        "SELECT migration_name FROM _prisma_migrations ORDER BY migration_name DESC LIMIT 1",
      );
      const latest = rows[0]!.migration_name;
      await client.query("UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = $1", [latest]);
      const answer = await call("GET", "/api/ready");
      expect(answer.status).toBe(503);
      expect(answer.json).toMatchObject({
        failed: ["migrations"],
        checks: {
          database: { status: "ok" },
          migrations: { status: "failed", detail: `1 migration(s) not applied: ${latest}` },
        },
      });
      await client.query("UPDATE _prisma_migrations SET rolled_back_at = NULL WHERE migration_name = $1", [latest]);
      expect((await call("GET", "/api/ready")).status).toBe(200);
    } finally {
      await client.end();
    }
  });
});
