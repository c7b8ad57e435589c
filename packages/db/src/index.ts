export { Prisma, PrismaClient } from "./generated/prisma/client";
export type * from "./generated/prisma/models";
export { DatabaseUnreachableError } from "./errors";
export { DatabaseUnavailableError, isDatabaseUnavailable, type UnavailableFailure } from "./unavailable";
export { POSTGRES_TIMEOUT_DEFAULTS, STALL_GRACE_MS, type PostgresTimeouts } from "./postgres-pool";
export { openDatabase, type Database, type OpenDatabase, type OpenDatabaseOptions } from "./open-database";
export type { PoolStats } from "./pool-stats";
export { findRepoRoot, migrationsDir, resolveDataDir, schemaPath } from "./paths";
export { parseDatabaseUrl, redactUrl, resolveDatabaseUrl } from "../schema-engine/adapter.mjs";
