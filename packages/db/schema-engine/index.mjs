// @profilehub/db/schema-engine: the Prisma schema engine (WASM) for PGlite and PostgreSQL,
// usable in-process (apply migrations at start-up, tests) and as the CLI's engine
// binary (bin.mjs). See docs/prisma-offline.md.
import { fileURLToPath } from "node:url";

export {
  adapterFactoryForUrl,
  isPgliteUrl,
  isPostgresUrl,
  openPglite,
  parseDatabaseUrl,
  pgliteUrlForDir,
  redactUrl,
  resolveDatabaseUrl,
} from "./adapter.mjs";
export { applyMigrationsInProcess, loadMigrationsList, readSchemaFiles } from "./migrations.mjs";
export {
  createWasmSchemaEngine,
  loadWasmEngineModule,
  MINIMAL_SCHEMA,
  SchemaEngineError,
  toUserFacingError,
  wasmEngineVersion,
} from "./wasm-engine.mjs";
export { canConnectToDatabase, CliCommandError, createDatabase, dropDatabase } from "./cli-commands.mjs";

/** Absolute path of the engine executable, for PRISMA_SCHEMA_ENGINE_BINARY. */
export const schemaEngineBinaryPath = fileURLToPath(new URL("./bin.mjs", import.meta.url));
