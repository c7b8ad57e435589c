import {
  type AppServices,
  createAppServices,
  loadConfig,
  type LoadedConfig,
  type MailWorker,
  outboxCounts,
  setTelemetryObserver,
  startMailWorker,
} from "@profilehub/api";
import { findRepoRoot, type OpenDatabase, openDatabase, resolveDatabaseUrl, resolveDataDir } from "@profilehub/db";

import { providedLoadedConfig, provideLoadedConfig } from "./config-holder";
import { onShutdown } from "./ops/lifecycle";
import { getLogger } from "./ops/logger";
import { getMetrics } from "./ops/metrics";
import { telemetryToMetrics } from "./ops/telemetry-metrics";

export interface Runtime {
  services: AppServices;
  loaded: LoadedConfig;
  database: OpenDatabase;
  dataDir: string;
  mailWorker: MailWorker | null;
}

// One runtime per server process, shared by every route bundle (hence globalThis).
const KEY = Symbol.for("profilehub.runtime");
type Holder = { [KEY]?: Promise<Runtime> };

/** Metrics see the database and what the router reports; shutdown stops the worker, then the database. */
function operate(runtime: Runtime): void {
  const metrics = getMetrics();
  const { database, mailWorker } = runtime;
  metrics.sources = { poolStats: () => database.poolStats(), outboxCounts: () => outboxCounts(database.db) };
  setTelemetryObserver(telemetryToMetrics(metrics));
  if (mailWorker) {
    onShutdown({ name: "mail worker", run: (remainingMs) => mailWorker.stop({ timeoutMs: remainingMs }) });
  }
  onShutdown({ name: "database", run: () => database.close() });
}

async function createRuntime(): Promise<Runtime> {
  const dataDir = resolveDataDir(process.env);
  const loaded = providedLoadedConfig() ?? loadConfig(process.env, dataDir);
  provideLoadedConfig(loaded); // for what reads it synchronously (CORS origins)
  const url = resolveDatabaseUrl({ env: process.env, repoRoot: findRepoRoot(), createDir: true });
  const database = await openDatabase({
    url,
    timeouts: loaded.databaseTimeouts,
    preparedStatements: loaded.databasePreparedStatements,
  });
  const logger = getLogger();
  const mailWorker = loaded.config.smtpUrl
    ? startMailWorker({
        db: database.db,
        smtpUrl: loaded.config.smtpUrl,
        from: loaded.config.mailFrom,
        ...loaded.mailDelivery,
        onError: (err: unknown) => logger.error({ err }, "mail worker failed"),
      })
    : null;
  const services = createAppServices({
    db: database.db,
    config: loaded.config,
    ...(mailWorker ? { mail: mailWorker } : {}),
  });
  const runtime = { services, loaded, database, dataDir, mailWorker };
  operate(runtime);
  return runtime;
}

/**
 * Runs the routes on a runtime built elsewhere (tests, or an embedding process) instead of the
 * one created from the environment.
 */
export function provideRuntime(runtime: Runtime): void {
  provideLoadedConfig(runtime.loaded);
  (globalThis as Holder)[KEY] = Promise.resolve(runtime);
}

/** The process's runtime, created on first use (configuration, database, mail worker). */
export function getRuntime(): Promise<Runtime> {
  const holder = globalThis as Holder;
  holder[KEY] ??= createRuntime().catch((error: unknown) => {
    delete holder[KEY]; // let a later request retry (e.g. the database came back)
    throw error;
  });
  return holder[KEY];
}
