import path from "node:path";
import { ConfigError, describeSettings, loadConfig, type LoadedConfig } from "@profilehub/api/config";
import { findRepoRoot, resolveDataDir } from "@profilehub/db/paths";
import {
  applyMigrationsInProcess,
  parseDatabaseUrl,
  redactUrl,
  resolveDatabaseUrl,
} from "@profilehub/db/schema-engine";

export interface StartUp {
  loaded: LoadedConfig;
  dataDir: string;
  repoRoot: string;
  databaseUrl: string;
}

/** Stops the process with plain words on stderr (no stack trace): the person starting it reads this. */
function refuseToStart(lines: string[]): never {
  console.error(["ProfileHub cannot start.", ...lines].join("\n"));
  process.exit(1);
}

/**
 * Validates the whole configuration once (every problem listed together) and prints the
 * effective settings, secrets masked. A generated server key is shown once, when it is created.
 */
export function readConfiguration(env: Record<string, string | undefined>): StartUp {
  const repoRoot = findRepoRoot();
  const dataDir = resolveDataDir(env);
  let loaded: LoadedConfig;
  try {
    loaded = loadConfig(env, dataDir);
  } catch (error) {
    if (error instanceof ConfigError) {
      refuseToStart([
        "Fix these settings (environment variables):",
        ...error.problems.map((problem) => `  - ${problem}`),
      ]);
    }
    refuseToStart([
      `The data folder ${dataDir} cannot be used: ${error instanceof Error ? error.message : String(error)}`,
    ]);
  }
  const databaseUrl = resolveDatabaseUrl({ env, repoRoot, createDir: true });
  const info = parseDatabaseUrl(databaseUrl);
  const database =
    info.kind === "pglite" ? `embedded PGlite in ${info.dataDir ?? "memory"}` : `PostgreSQL ${redactUrl(databaseUrl)}`;
  const rows = describeSettings(loaded, { database, dataDir });
  const width = Math.max(...rows.map(([name]) => name.length)) + 1;
  const lines = ["ProfileHub settings:", ...rows.map(([name, value]) => `  ${`${name}:`.padEnd(width)} ${value}`)];
  if (loaded.generated.serverApiKey && loaded.generated.createdNow) {
    lines.push(`  server key (generated in ${path.join(dataDir, "secrets.json")}): ${loaded.config.serverApiKey}`);
  }
  for (const warning of loaded.warnings) lines.push(`  warning: ${warning}`);
  console.log(lines.join("\n"));
  return { loaded, dataDir, repoRoot, databaseUrl };
}

/** Applies pending migrations (PGlite is created on the first start); plain words if it cannot. */
export async function migrate({ repoRoot, databaseUrl: servingUrl, loaded }: StartUp): Promise<void> {
  // Behind a pooler, migrations (which hold a session-level advisory lock) go to PostgreSQL itself.
  const databaseUrl = loaded.env.DATABASE_DIRECT_URL ?? servingUrl;
  try {
    const applied = await applyMigrationsInProcess({
      url: databaseUrl,
      schemaPath: path.join(repoRoot, "prisma/schema.prisma"),
      migrationsDir: path.join(repoRoot, "prisma/migrations"),
    });
    console.log(applied.length > 0 ? `Applied migrations: ${applied.join(", ")}` : "Database is up to date.");
  } catch (error) {
    refuseToStart([
      `Cannot prepare the database at ${redactUrl(databaseUrl)}:`,
      `  ${redactUrl(error instanceof Error ? error.message : String(error))}`,
    ]);
  }
}
