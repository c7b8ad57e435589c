export { Prisma, PrismaClient } from "./generated/prisma/client";
export type * from "./generated/prisma/models";
export { DatabaseUnreachableError } from "./errors";
export { openDatabase, type Database, type OpenDatabase, type OpenDatabaseOptions } from "./open-database";
export type { PoolStats } from "./pool-stats";
export { findRepoRoot, migrationsDir, resolveDataDir, schemaPath } from "./paths";
export { parseDatabaseUrl, redactUrl, resolveDatabaseUrl } from "../schema-engine/adapter.mjs";
