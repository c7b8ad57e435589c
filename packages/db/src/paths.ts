import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/**
 * The repository root: the nearest folder at or above `start` holding `prisma/schema.prisma`.
 * (Next.js runs with `apps/web` as its working directory; scripts run from the root.)
 */
export function findRepoRoot(start: string = process.cwd()): string {
  let dir = resolve(/* turbopackIgnore: true */ start);
  for (;;) {
    if (existsSync(join(/* turbopackIgnore: true */ dir, "prisma", "schema.prisma"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return resolve(/* turbopackIgnore: true */ start);
    dir = parent;
  }
}

/** The data folder: `PROFILEHUB_DATA_DIR`, or `<repo>/.data`. Holds PGlite's files and generated secrets. */
export function resolveDataDir(env: Record<string, string | undefined> = process.env): string {
  const root = findRepoRoot();
  return env.PROFILEHUB_DATA_DIR
    ? resolve(/* turbopackIgnore: true */ root, env.PROFILEHUB_DATA_DIR)
    : join(/* turbopackIgnore: true */ root, ".data");
}

export function migrationsDir(): string {
  return join(/* turbopackIgnore: true */ findRepoRoot(), "prisma", "migrations");
}

export function schemaPath(): string {
  return join(/* turbopackIgnore: true */ findRepoRoot(), "prisma", "schema.prisma");
}
