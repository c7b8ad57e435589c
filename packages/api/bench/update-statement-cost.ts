// What the update statement costs PostgreSQL (docs/performance.md, "Database time"): a scratch
// database (the test helpers' migrated one, dropped at the end), USERS signed up through the
// router, then the door's statement (a display-name change by the user, as `me.update` sends it)
// built by the repo's own builder and run through Prisma's `$queryRaw` on ONE connection:
//  - the backend's CPU per statement (utime + stime of its pid, /proc/<pid>/stat, before/after
//    each round of ROUNDS × PER_ROUND statements; the median round is printed),
//  - EXPLAIN (ANALYZE, BUFFERS) of the same statement: median execution time and the time of each
//    CTE in the median run.
// With BENCH_BASELINE_SRC=<a copy of packages/api/src of another commit, inside this checkout so
// its imports resolve>, that copy's builder runs too, rounds alternating, on the same connection.
// BENCH_PREPARED=false sends the statements unnamed (a custom plan each time, as behind a pooler).
// Beside each variant, the bench's floor (`floorUpdate`, packages/api/src/bench/floor.ts) runs the
// same way, and each round's WAL bytes per statement are read (`pg_current_wal_insert_lsn`), then
// how many of the updates of users and sessions were HOT (`pg_stat_user_tables`).
// BENCH_SETUP_SQL=<statements> runs on the scratch database after the sign-ups (e.g. a storage
// parameter to try before writing its migration).
// A report, not a test. Needs PostgreSQL (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test)
// and must run on the database's machine (it reads /proc). `npx tsx packages/api/bench/update-statement-cost.ts`
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { type Database, openDatabase } from "@profilehub/db";
import pg from "pg";

import { floorUpdate } from "../src/bench/floor";
import type { CallerSession } from "../src/context";
import type * as PlanModule from "../src/services/users/update-plan";
import type * as StatementModule from "../src/services/users/update-statement";
import { createTestApp } from "../test/helpers/test-app";

process.env.TEST_DB_KIND = "postgres";
process.env.TEST_DATABASE_URL ??= "postgres://postgres@127.0.0.1:5432/test";

const USERS = Number(process.env.BENCH_USERS ?? 300);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 8);
const PER_ROUND = Number(process.env.BENCH_PER_ROUND ?? 1500);
const EXPLAIN_RUNS = Number(process.env.BENCH_EXPLAIN_RUNS ?? 300);
const CLOCK_TICKS_PER_SECOND = 100; // getconf CLK_TCK on Linux

interface Variant {
  name: string;
  build: typeof StatementModule.buildUpdateStatement;
  read: typeof StatementModule.readOutcome;
  plan: typeof PlanModule.planUpdate;
}

async function loadVariant(name: string, srcDir: string): Promise<Variant> {
  const statement = (await import(path.join(srcDir, "services/users/update-statement.ts"))) as typeof StatementModule;
  const plan = (await import(path.join(srcDir, "services/users/update-plan.ts"))) as typeof PlanModule;
  return { name, build: statement.buildUpdateStatement, read: statement.readOutcome, plan: plan.planUpdate };
}

function backendCpuTicks(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // After "pid (comm) ": state is field 3, utime 14, stime 15 (1-based) → indexes 11 and 12 here.
  return Number(fields[11]) + Number(fields[12]);
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

let sequence = 0;
function statementFor(variant: Variant, sessions: CallerSession[]) {
  sequence += 1;
  const session = sessions[sequence % sessions.length] as CallerSession;
  return variant.build({
    target: { id: session.userId },
    projectId: session.projectId,
    session,
    serverAccess: false,
    plan: variant.plan({ displayName: `Bench ${variant.name} ${sequence}` }, {}),
    audit: {
      door: "trpc",
      requestId: randomUUID(),
      action: "user.update",
      client: { ip: "127.0.0.1", userAgent: "update-statement-cost" },
    },
    webhook: { mode: "refuse" },
  });
}

/** The bench's floor as a variant: one `UPDATE … WHERE EXISTS (session) RETURNING` per call. */
const FLOOR = "floor";
async function runOne(db: Database, variant: Variant | typeof FLOOR, sessions: CallerSession[]) {
  if (variant === FLOOR) {
    sequence += 1;
    const session = sessions[sequence % sessions.length] as CallerSession;
    if (!(await floorUpdate(db, session, `Bench floor ${sequence}`))) throw new Error("floor: not written");
    return;
  }
  const outcome = variant.read(await db.$queryRaw(statementFor(variant, sessions)));
  if (!outcome.user) throw new Error(`${variant.name}: the update was not written`);
}

const walLsn = async (admin: pg.Client) =>
  (await admin.query<{ lsn: string }>("SELECT pg_current_wal_insert_lsn()::text AS lsn")).rows[0]?.lsn as string;

async function runRound(
  db: Database,
  admin: pg.Client,
  pid: number,
  variant: Variant | typeof FLOOR,
  sessions: CallerSession[],
) {
  const lsn = await walLsn(admin);
  const ticks = backendCpuTicks(pid);
  const start = process.hrtime.bigint();
  for (let i = 0; i < PER_ROUND; i++) await runOne(db, variant, sessions);
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  const cpuMs = ((backendCpuTicks(pid) - ticks) * 1000) / CLOCK_TICKS_PER_SECOND;
  const wal = await admin.query<{ bytes: string }>("SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), $1) AS bytes", [
    lsn,
  ]);
  return { cpu: cpuMs / PER_ROUND, wall: wallMs / PER_ROUND, wal: Number(wal.rows[0]?.bytes) / PER_ROUND };
}

async function hotUpdates(admin: pg.Client) {
  await new Promise((resolve) => setTimeout(resolve, 1500)); // statistics are flushed within a second
  await admin.query("SELECT pg_stat_clear_snapshot()");
  const { rows } = await admin.query<{ relname: string; upd: string; hot: string }>(
    `SELECT relname, n_tup_upd AS upd, n_tup_hot_upd AS hot FROM pg_stat_user_tables
     WHERE relname IN ('users', 'sessions') ORDER BY relname`,
  );
  return rows.map((row) => `${row.relname} ${row.hot}/${row.upd} HOT`).join(", ");
}

interface PlanNode {
  "Node Type": string;
  "Subplan Name"?: string;
  "CTE Name"?: string;
  "Index Name"?: string;
  "Actual Total Time"?: number;
  "Actual Loops"?: number;
  Plans?: PlanNode[];
}
interface ExplainResult {
  Plan: PlanNode;
  "Planning Time": number;
  "Execution Time": number;
}

/** `name → actual ms` of each CTE (its subplan's total time × loops) and the indexes scanned. */
function cteTimes(root: PlanNode): { ctes: Map<string, number>; indexes: Set<string> } {
  const ctes = new Map<string, number>();
  const indexes = new Set<string>();
  const visit = (node: PlanNode) => {
    const name = node["Subplan Name"];
    if (name) ctes.set(name, (node["Actual Total Time"] ?? 0) * (node["Actual Loops"] ?? 1));
    if (node["Index Name"]) indexes.add(node["Index Name"]);
    node.Plans?.forEach(visit);
  };
  visit(root);
  return { ctes, indexes };
}

async function explainRuns(client: pg.Client, variant: Variant, sessions: CallerSession[]) {
  const runs: ExplainResult[] = [];
  for (let i = 0; i < EXPLAIN_RUNS; i++) {
    const statement = statementFor(variant, sessions);
    const result = await client.query<{ "QUERY PLAN": ExplainResult[] }>(
      `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${statement.text}`,
      statement.values,
    );
    runs.push((result.rows[0] as { "QUERY PLAN": ExplainResult[] })["QUERY PLAN"][0] as ExplainResult);
  }
  return runs;
}

async function main() {
  const variants = [await loadVariant("current", path.resolve(import.meta.dirname, "../src"))];
  if (process.env.BENCH_BASELINE_SRC)
    variants.unshift(await loadVariant("baseline", path.resolve(process.env.BENCH_BASELINE_SRC)));

  const app = await createTestApp();
  try {
    const url = app.database.url as string;
    console.log(`scratch database ${new URL(url).pathname.slice(1)}: signing up ${USERS} users…`);
    for (let i = 0; i < USERS; i++) await app.signUp({ email: `bench${i}@example.com` });
    const admin = new pg.Client({ connectionString: url });
    admin.on("error", () => {}); // terminated when the scratch database is dropped
    await admin.connect();
    if (process.env.BENCH_SETUP_SQL) {
      console.log(`setup: ${process.env.BENCH_SETUP_SQL}`);
      await admin.query(process.env.BENCH_SETUP_SQL);
    }
    await admin.query("ANALYZE");
    const sessions = (
      await admin.query<CallerSession>(
        `SELECT u.id AS "userId", u.number AS "userNumber", u."projectId", s.id AS "sessionId"
         FROM sessions s JOIN users u ON u.id = s."userId"
         WHERE s."revokedAt" IS NULL AND s."expiresAt" > now() ORDER BY u.number`,
      )
    ).rows;

    // BENCH_PREPARED=false: unnamed statements, planned every time (as behind a pooler).
    const preparedStatements = process.env.BENCH_PREPARED !== "false";
    const measured = await openDatabase({ url, poolSize: 1, preparedStatements });
    try {
      const db = measured.db;
      const [{ pid } = { pid: 0 }] = await db.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
      console.log(`backend pid ${pid}; ${ROUNDS} rounds × ${PER_ROUND} statements per variant, alternating`);
      const measuredVariants = [FLOOR, ...variants] as const;
      for (const variant of measuredVariants) await runRound(db, admin, pid, variant, sessions); // warm-up (generic plans)
      const nameOf = (variant: Variant | typeof FLOOR) => (variant === FLOOR ? FLOOR : variant.name);
      const results = new Map(
        measuredVariants.map((variant) => [nameOf(variant), [] as { cpu: number; wall: number; wal: number }[]]),
      );
      console.log(`before the rounds: ${await hotUpdates(admin)}`);
      for (let round = 0; round < ROUNDS; round++) {
        for (const variant of measuredVariants)
          results.get(nameOf(variant))?.push(await runRound(db, admin, pid, variant, sessions));
      }
      console.log("\nPostgreSQL backend CPU per statement (median round; min–max)");
      for (const [name, rounds] of results) {
        const cpu = rounds.map((r) => r.cpu);
        const wall = rounds.map((r) => r.wall);
        console.log(
          `  ${name.padEnd(9)} cpu ${median(cpu).toFixed(3)} ms (${Math.min(...cpu).toFixed(3)}–${Math.max(...cpu).toFixed(3)})` +
            `   round trip ${median(wall).toFixed(3)} ms   WAL ${median(rounds.map((r) => r.wal)).toFixed(0)} B`,
        );
      }
      console.log(`  after the rounds: ${await hotUpdates(admin)}`);
      const plans = await db.$queryRaw<{ generic: bigint; custom: bigint; statement: string }[]>`
        SELECT generic_plans AS generic, custom_plans AS custom, left(statement, 60) AS statement
        FROM pg_prepared_statements WHERE statement LIKE 'WITH caller%'`;
      for (const plan of plans) console.log(`  prepared: ${plan.generic} generic, ${plan.custom} custom plans`);
    } finally {
      await measured.close();
    }

    console.log(`\nEXPLAIN (ANALYZE, BUFFERS): ${EXPLAIN_RUNS} runs per variant (custom plans)`);
    const explained = new Map<string, ExplainResult[]>();
    for (const variant of variants) explained.set(variant.name, []);
    for (let pass = 0; pass < 2; pass++) {
      for (const variant of variants)
        explained.get(variant.name)?.push(...(await explainRuns(admin, variant, sessions)));
    }
    for (const [name, runs] of explained) {
      const execution = median(runs.map((run) => run["Execution Time"]));
      const planning = median(runs.map((run) => run["Planning Time"]));
      const names = new Set(runs.flatMap((run) => [...cteTimes(run.Plan).ctes.keys()]));
      const perCte = [...names].map(
        (cte) => `${cte} ${median(runs.map((run) => cteTimes(run.Plan).ctes.get(cte) ?? 0)).toFixed(3)}`,
      );
      const indexes = [...new Set(runs.flatMap((run) => [...cteTimes(run.Plan).indexes]))];
      console.log(`  ${name.padEnd(9)} execution ${execution.toFixed(3)} ms, planning ${planning.toFixed(3)} ms`);
      console.log(`            median per subplan (ms, inclusive): ${perCte.join(", ")}`);
      console.log(`            indexes scanned: ${indexes.join(", ")}`);
    }
    await admin.end();
  } finally {
    await app.close();
  }
}

await main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
