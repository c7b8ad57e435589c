// Types of `@profilehub/db/schema-engine` (index.mjs). Hand-written: keep in sync.
import type { PGlite } from "@electric-sql/pglite";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";

export type { MigrationList };

// ---- URLs (urls.mjs) --------------------------------------------------------

export interface PgliteUrlInfo {
  kind: "pglite";
  /** true for `pglite:memory` / `memory://` */
  memory: boolean;
  /** absolute data folder; null in memory */
  dataDir: string | null;
  url: string;
}
export interface PostgresUrlInfo {
  kind: "postgres";
  url: string;
  host: string;
  port: number;
  database: string;
  user: string;
  /** `?schema=` parameter, if any */
  schema: string | null;
}
export type DatabaseUrlInfo = PgliteUrlInfo | PostgresUrlInfo;

/** `postgres://` or `postgresql://` */
export function isPostgresUrl(url: string): boolean;
/** `pglite:…` or `memory://` */
export function isPgliteUrl(url: string): boolean;
/** Parse a database URL; throws on an unsupported scheme. */
export function parseDatabaseUrl(url: string): DatabaseUrlInfo;
/** Replace every `scheme://user:password@` password in `text` by `***`. */
export function redactUrl(text: string): string;
/** `pglite:<absolute path>` */
export function pgliteUrlForDir(dataDir: string): string;
/** `DATABASE_URL` if set, else `pglite:<PROFILEHUB_DATA_DIR or <repoRoot>/.data>/pglite`. */
export function resolveDatabaseUrl(opts?: {
  env?: Record<string, string | undefined>;
  repoRoot?: string;
  /** create the PGlite folder if missing (default false) */
  createDir?: boolean;
}): string;

// ---- adapters (adapter.mjs) -------------------------------------------------

export interface AdapterFactoryHandle {
  kind: "pglite" | "postgres";
  /** migration-aware factory (unbound) */
  factory: SqlMigrationAwareDriverAdapterFactory;
  /** `bindMigrationAwareSqlAdapterFactory(factory)`: what `SchemaEngine.new` takes */
  bound: unknown;
  /** the PGlite instance (PGlite only) */
  client: PGlite | null;
  /** close connections, shadow databases and the PGlite instance it opened */
  close(): Promise<void>;
}
/** Open (creating the folder if needed) the PGlite database of a `pglite:` URL. */
export function openPglite(info: PgliteUrlInfo): Promise<PGlite>;
export function adapterFactoryForUrl(
  url: string,
  opts?: { shadowDatabaseUrl?: string | null; pglite?: PGlite },
): Promise<AdapterFactoryHandle>;

// ---- WASM engine (wasm-engine.mjs) --------------------------------------------

/** The native engine's user-facing error (JSON-RPC error `data`). */
export interface UserFacingError {
  is_panic: boolean;
  message: string;
  error_code?: string;
  meta?: unknown;
  backtrace?: string | null;
}
export class SchemaEngineError extends Error {
  constructor(data: UserFacingError);
  /** "SchemaEngineError", or "SchemaEnginePanic" for a Rust panic */
  name: string;
  /** Prisma error code (P1001, P3006, …) when known */
  code: string | null;
  meta: unknown;
  isPanic: boolean;
  userFacing: UserFacingError;
}
export interface WasmSchemaEngine {
  /** the raw `SchemaEngine` of @prisma/schema-engine-wasm */
  engine: SchemaEngine;
  kind: "pglite" | "postgres";
  /** Call an engine method (see schema_engine.d.ts); throws SchemaEngineError. */
  call<T = unknown>(method: string, params?: unknown): Promise<T>;
  /** true after a panic: the instance must not be used any more */
  poisoned(): boolean;
  close(): Promise<void>;
}
export const MINIMAL_SCHEMA: string;
/** The instantiated wasm-bindgen glue module of @prisma/schema-engine-wasm. */
export function loadWasmEngineModule(): Promise<unknown>;
/** Engine git hash. */
export function wasmEngineVersion(): Promise<string>;
export function toUserFacingError(e: unknown, panicMessage?: string | null): UserFacingError;
export function createWasmSchemaEngine(opts: {
  /** [path, content] of each schema file (default: a minimal postgresql datasource) */
  datamodels?: [string, string][];
  /** database URL (default `pglite:memory`) */
  url?: string;
  shadowDatabaseUrl?: string | null;
  /** an open PGlite instance to use instead of `url` (left open) */
  pglite?: PGlite;
  /** engine log lines (JSON) */
  onLog?: (line: string) => void;
}): Promise<WasmSchemaEngine>;

// ---- migrations (migrations.mjs) ----------------------------------------------

/** `MigrationList` of a migrations folder, as the Prisma CLI builds it. */
export function loadMigrationsList(
  migrationsDir: string,
  opts?: { shadowDbInitScript?: string },
): Promise<MigrationList>;
/** [path, content] of a schema file, or of every `.prisma` file in a folder. */
export function readSchemaFiles(schemaPath: string): Promise<[string, string][]>;
/** Apply pending migrations (like `prisma migrate deploy`); returns the names applied. */
export function applyMigrationsInProcess(opts: {
  url?: string;
  pglite?: PGlite;
  schemaPath?: string;
  migrationsDir: string;
  onLog?: (line: string) => void;
}): Promise<string[]>;

// ---- `cli` commands (cli-commands.mjs) ----------------------------------------

export class CliCommandError extends Error {
  constructor(code: string, message: string);
  /** P1000, P1001, P1003, … or "" when unknown */
  code: string;
}
export function canConnectToDatabase(url: string): Promise<string>;
export function createDatabase(url: string): Promise<{ databaseName: string; message: string }>;
export function dropDatabase(url: string): Promise<string>;

/** Absolute path of bin.mjs, for PRISMA_SCHEMA_ENGINE_BINARY. */
export const schemaEngineBinaryPath: string;
