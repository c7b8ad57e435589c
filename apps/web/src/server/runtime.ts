import {
  createAppServices,
  loadConfig,
  startMailWorker,
  type AppServices,
  type LoadedConfig,
  type MailWorker,
} from "@profilehub/api";
import { findRepoRoot, openDatabase, resolveDataDir, resolveDatabaseUrl, type OpenDatabase } from "@profilehub/db";

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

async function createRuntime(): Promise<Runtime> {
  const dataDir = resolveDataDir(process.env);
  const loaded = loadConfig(process.env, dataDir);
  const url = resolveDatabaseUrl({ env: process.env, repoRoot: findRepoRoot(), createDir: true });
  const database = await openDatabase({ url, timeouts: loaded.databaseTimeouts });
  const mailWorker = loaded.config.smtpUrl
    ? startMailWorker({
        db: database.db,
        smtpUrl: loaded.config.smtpUrl,
        from: loaded.config.mailFrom,
        ...loaded.mailDelivery,
      })
    : null;
  const services = createAppServices({
    db: database.db,
    config: loaded.config,
    ...(mailWorker ? { mail: mailWorker } : {}),
  });
  return { services, loaded, database, dataDir, mailWorker };
}

/**
 * Runs the routes on a runtime built elsewhere (tests, or an embedding process) instead of the
 * one created from the environment.
 */
export function provideRuntime(runtime: Runtime): void {
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
