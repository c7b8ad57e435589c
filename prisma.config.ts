// Prisma CLI configuration (Prisma 7).
//
// Database: DATABASE_URL (postgres://…) when set, otherwise the embedded PGlite folder
// <PROFILEHUB_DATA_DIR or .data>/pglite, as a `pglite:/abs/path` URL (see
// docs/prisma-offline.md). The Prisma CLI cannot download its native schema engine
// here, so PRISMA_SCHEMA_ENGINE_BINARY points at our WASM-backed engine bridge unless
// the environment already names another engine binary.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";

import { resolveDatabaseUrl, schemaEngineBinaryPath } from "./packages/db/schema-engine/index.mjs";

const root = path.dirname(fileURLToPath(import.meta.url));

process.env.PRISMA_SCHEMA_ENGINE_BINARY ||= schemaEngineBinaryPath;

export default defineConfig({
  schema: path.join(root, "prisma", "schema.prisma"),
  migrations: { path: path.join(root, "prisma", "migrations") },
  datasource: { url: resolveDatabaseUrl({ env: process.env, repoRoot: root, createDir: true }) },
});
