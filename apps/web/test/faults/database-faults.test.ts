import { createHash } from "node:crypto";
import { startTcpProxy, type TcpProxy } from "@profilehub/api/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { http, type RunningServer, startServer } from "../e2e/running-server";
import { countByPhase, DOOR_NAMES, type LoadUser, type Outcome, startLoad } from "./load";

/**
 * `npm start` on PostgreSQL through a real TCP proxy that cuts the database (connections reset,
 * new ones refused) and then stalls it (connections open, nothing forwarded), under concurrent
 * updates through tRPC, dialect A and the refresh-token grant. PostgreSQL only: PGlite runs inside
 * the server process and cannot be cut off.
 */
const TIMEOUTS = { connect: 1000, pool: 1500, statement: 1000 };
const STALL_GRACE_MS = 1000; // packages/db: the client gives up this long after the server should have cancelled
const MARGIN_MS = 3000; // a loaded 2-core machine
const LONGEST_REQUEST_MS = TIMEOUTS.pool + TIMEOUTS.statement + STALL_GRACE_MS + MARGIN_MS;
const RECOVERY_MS = 5000;
const USERS = 12;

const base = new URL(process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres");
const databaseName = `${base.pathname.slice(1) || "postgres"}_faults_${process.pid}`;
const databaseUrl = (host: string, port: number) => {
  const url = new URL(base);
  url.hostname = host;
  url.port = String(port);
  url.pathname = `/${databaseName}`;
  return url.toString();
};
const admin = async (sql: string) => {
  const client = new pg.Client({ connectionString: base.toString() });
  await client.connect();
  await client.query(sql);
  await client.end();
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

let proxy: TcpProxy;
let server: RunningServer;
const users: LoadUser[] = [];

beforeAll(async () => {
  await admin(`CREATE DATABASE "${databaseName}"`);
  proxy = await startTcpProxy({ host: base.hostname, port: Number(base.port || 5432) });
  server = await startServer({
    DATABASE_URL: databaseUrl(proxy.host, proxy.port),
    DATABASE_CONNECT_TIMEOUT_MS: String(TIMEOUTS.connect),
    DATABASE_POOL_TIMEOUT_MS: String(TIMEOUTS.pool),
    DATABASE_STATEMENT_TIMEOUT_MS: String(TIMEOUTS.statement),
    // A refresh whose answer was lost in a cut is retried with the same token: it gets the current pair.
    REFRESH_TOKEN_REUSE_INTERVAL_S: "300",
  });
  const call = http(server.baseUrl);
  for (let index = 0; index < USERS; index += 1) {
    const signup = await call("POST", "/api/auth/signup", {
      body: { email: `fault${index}@example.com`, password: "correct horse battery" },
    });
    expect(signup.status).toBe(201);
    users.push({
      id: signup.json.user.id,
      accessToken: signup.json.accessToken,
      refreshToken: signup.json.refreshToken,
      acknowledgedKeys: new Set(),
      acknowledgedRefreshTokens: [],
    });
  }
}, 300_000);

afterAll(async () => {
  await server?.stop();
  await proxy?.close();
  await admin(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
});

/** Time from `since` to the first 2xx of each door among requests started after it. */
function recoveryTimes(outcomes: Outcome[], since: number): Record<string, number | null> {
  return Object.fromEntries(
    DOOR_NAMES.map((door) => {
      const ok = outcomes
        .filter((o) => o.door === door && o.startedAt >= since && o.status >= 200 && o.status < 300)
        .map((o) => o.endedAt - since);
      return [door, ok.length > 0 ? Math.min(...ok) : null];
    }),
  );
}

describe("database faults under load (PostgreSQL behind a TCP proxy)", () => {
  it("answers 503 with Retry-After in each door's shape, never hangs or loses an acknowledged write, and recovers", async () => {
    let phase = "before";
    const load = startLoad({ baseUrl: server.baseUrl, users, phase: () => phase, abortAfterMs: 30_000 });
    await sleep(2000);
    phase = "cut";
    const cutStarted = Date.now();
    await proxy.cut();
    await sleep(3000);
    phase = "after cut";
    const cutEnded = Date.now();
    await proxy.pass();
    await sleep(RECOVERY_MS);
    phase = "stall";
    proxy.stall();
    await sleep(4000);
    phase = "after stall";
    const stallEnded = Date.now();
    await proxy.pass();
    await sleep(RECOVERY_MS);
    await load.stop();

    const outcomes = load.outcomes;
    const statuses = outcomes.reduce<Record<number, number>>(
      (all, o) => ({ ...all, [o.status]: (all[o.status] ?? 0) + 1 }),
      {},
    );
    const longest = Math.max(...outcomes.map((o) => o.endedAt - o.startedAt));
    const recovery = { cut: recoveryTimes(outcomes, cutEnded), stall: recoveryTimes(outcomes, stallEnded) };
    console.log(
      `database faults: ${outcomes.length} requests, statuses ${JSON.stringify(statuses)}, ` +
        `5xx other than 503: ${outcomes.filter((o) => o.status >= 500 && o.status !== 503).length}, ` +
        `longest ${longest} ms (limit ${LONGEST_REQUEST_MS} ms), recovery (ms) ${JSON.stringify(recovery)}\n` +
        JSON.stringify(countByPhase(outcomes), null, 1),
    );

    // Load ran on every door before, during and after each fault.
    for (const name of ["before", "cut", "stall", "after stall"]) {
      expect(outcomes.filter((o) => o.phase === name).length, name).toBeGreaterThan(USERS);
    }
    // Only successes and documented 503s: no 500, no other error, no hung request.
    expect(Object.keys(statuses).map(Number).sort()).toEqual(expect.arrayContaining([200, 503]));
    expect(outcomes.filter((o) => o.status !== 200 && o.status !== 503)).toEqual([]);
    const unavailable = outcomes.filter((o) => o.status === 503);
    expect(unavailable.filter((o) => !o.documentedUnavailable || o.retryAfter === null)).toEqual([]);
    expect(new Set(unavailable.map((o) => o.door))).toEqual(new Set(DOOR_NAMES));
    expect(longest).toBeLessThanOrEqual(LONGEST_REQUEST_MS);
    expect(outcomes.filter((o) => o.endedAt < cutStarted).every((o) => o.status === 200)).toBe(true);
    for (const times of Object.values(recovery)) {
      for (const [door, ms] of Object.entries(times)) expect(ms, door).not.toBeNull();
      for (const ms of Object.values(times)) expect(ms!).toBeLessThanOrEqual(RECOVERY_MS);
    }

    // Straight to PostgreSQL: every acknowledged write is there, and nothing is half-written.
    const direct = new pg.Client({ connectionString: databaseUrl(base.hostname, Number(base.port || 5432)) });
    await direct.connect();
    try {
      for (const user of users) {
        const { rows } = await direct.query<{ keys: string[]; audits: number; current: number; used: number }>(
          `SELECT (SELECT array_agg(k) FROM users u, jsonb_object_keys(u."userMetadata") k WHERE u.id = $1) AS keys,
             (SELECT count(*)::int FROM audit_events WHERE "userId" = $1 AND action = 'user.update') AS audits,
             (SELECT count(*) FILTER (WHERE r."usedAt" IS NULL)::int FROM refresh_tokens r JOIN sessions s ON s.id = r."sessionId"
               WHERE s."userId" = $1 AND s."revokedAt" IS NULL) AS current,
             (SELECT count(*) FILTER (WHERE r."usedAt" IS NOT NULL)::int FROM refresh_tokens r JOIN sessions s ON s.id = r."sessionId"
               WHERE s."userId" = $1) AS used`,
          [user.id],
        );
        const stored = new Set(rows[0]!.keys ?? []);
        expect([...user.acknowledgedKeys].filter((key) => !stored.has(key))).toEqual([]);
        // One audit row per change committed: no change without its audit row, and no audit row without its change.
        expect(rows[0]!.audits).toBe(stored.size);
        // The session is live with exactly one current refresh token, and each rotation left one used token.
        expect(rows[0]!.current).toBe(1);
        const { rows: tokens } = await direct.query<{ hash: string }>(
          `SELECT "tokenHash" AS hash FROM refresh_tokens WHERE "tokenHash" = ANY($1)`,
          [user.acknowledgedRefreshTokens.map(sha256)],
        );
        expect(tokens.length).toBe(new Set(user.acknowledgedRefreshTokens).size);
        expect(rows[0]!.used).toBeGreaterThanOrEqual(new Set(user.acknowledgedRefreshTokens).size);
      }
    } finally {
      await direct.end();
    }
  }, 180_000);
});
