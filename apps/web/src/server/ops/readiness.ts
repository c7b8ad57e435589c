import { readdirSync } from "node:fs";
import type { MailWorker } from "@profilehub/api";
import { type Database, migrationsDir } from "@profilehub/db";

import { getRuntime } from "../runtime";
import { isShuttingDown } from "./lifecycle";
import { getLogger } from "./logger";

export type CheckResult = { status: "ok" | "skipped"; detail?: string } | { status: "failed"; detail: string };

export interface Readiness {
  ready: boolean;
  /** The checks that failed, by name. */
  failed: string[];
  checks: Record<"server" | "database" | "migrations" | "outbox", CheckResult>;
}

/** A readiness probe never waits longer than this for the database. */
const QUERY_TIMEOUT_MS = 2000;
/** The worker polls every second; this long without a poll means its timer is dead. */
const WORKER_SILENT_MS = 10_000;
/** A batch sending longer than a claim's lease lets other instances send the same mails. */
const WORKER_BUSY_MS = 60_000;

const ok: CheckResult = { status: "ok" };
const failed = (detail: string): CheckResult => ({ status: "failed", detail });
const skipped = (detail: string): CheckResult => ({ status: "skipped", detail });

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

let expectedMigrations: string[] | undefined;
/** The migrations this build ships (folder names under prisma/migrations), read once. */
function shippedMigrations(): string[] {
  expectedMigrations ??= readdirSync(migrationsDir(), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  return expectedMigrations;
}

async function checkMigrations(db: Database): Promise<CheckResult> {
  const rows = await withTimeout(
    db.$queryRaw<{ name: string }[]>`
      SELECT migration_name AS name FROM _prisma_migrations
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    QUERY_TIMEOUT_MS,
  );
  const applied = new Set(rows.map((row) => row.name));
  const pending = shippedMigrations().filter((name) => !applied.has(name));
  return pending.length === 0 ? ok : failed(`${pending.length} migration(s) not applied: ${pending.join(", ")}`);
}

function checkWorker(worker: MailWorker | null, now: number): CheckResult {
  if (!worker) return skipped("SMTP_URL is not set: mail stays in the outbox");
  const { stopped, lastPollAt, busySince } = worker.status();
  if (stopped) return failed("the mail worker has stopped");
  if (now - lastPollAt > WORKER_SILENT_MS) return failed("the mail worker has not polled the outbox lately");
  if (busySince !== null && now - busySince > WORKER_BUSY_MS) return failed("the mail worker is stuck sending");
  return ok;
}

/**
 * Whether this instance should get traffic: the database answers, every shipped migration is
 * applied, the mail worker runs (with SMTP), and the process is not stopping. Reasons are plain
 * words, never a connection string or an error message from the database.
 */
export async function checkReadiness(): Promise<Readiness> {
  const checks: Readiness["checks"] = {
    server: isShuttingDown() ? failed("shutting down") : ok,
    database: ok,
    migrations: ok,
    outbox: ok,
  };
  const runtime = await withTimeout(getRuntime(), QUERY_TIMEOUT_MS).catch(() => null);
  if (!runtime) {
    checks.database = failed("cannot connect to the database");
    checks.migrations = skipped("the database is unreachable");
    checks.outbox = skipped("the database is unreachable");
  } else {
    const { db } = runtime.database;
    try {
      await withTimeout(db.$queryRaw`SELECT 1`, QUERY_TIMEOUT_MS);
      checks.migrations = await checkMigrations(db).catch(() => failed("cannot read the applied migrations"));
    } catch (err) {
      getLogger().warn({ err }, "readiness: the database did not answer");
      checks.database = failed("the database did not answer");
      checks.migrations = skipped("the database is unreachable");
    }
    checks.outbox = checkWorker(runtime.mailWorker, Date.now());
  }
  const names = Object.keys(checks) as (keyof Readiness["checks"])[];
  const failedNames = names.filter((name) => checks[name].status === "failed");
  return { ready: failedNames.length === 0, failed: failedNames, checks };
}
