import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";

import { prisma, repoRoot } from "./prisma-cli";

const scratch = mkdtempSync(path.join(repoRoot, ".data", "test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const targets = ["pglite", ...(process.env.TEST_DATABASE_URL ? ["postgres"] : [])] as const;

async function freshDatabase(
  kind: (typeof targets)[number],
): Promise<{ url: string; tables(): Promise<string[]>; drop(): Promise<void> }> {
  const listTables = "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1";
  if (kind === "pglite") {
    const dir = mkdtempSync(path.join(scratch, "pglite-"));
    return {
      url: `pglite:${dir}`,
      async tables() {
        const db = await PGlite.create({ dataDir: dir });
        try {
          return (await db.query<{ table_name: string }>(listTables)).rows.map((row) => row.table_name);
        } finally {
          await db.close();
        }
      },
      drop: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
    };
  }
  const base = new URL(process.env.TEST_DATABASE_URL!);
  const name = `${base.pathname.slice(1)}_cli_${Date.now()}`;
  const admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async tables() {
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      try {
        return (await client.query<{ table_name: string }>(listTables)).rows.map((row) => row.table_name);
      } finally {
        await client.end();
      }
    },
    async drop() {
      const client = new pg.Client({ connectionString: base.toString() });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

describe.each(targets)("prisma migrate deploy / status on a fresh %s database", (kind) => {
  it("applies every migration, then reports the database up to date", async () => {
    const database = await freshDatabase(kind);
    try {
      const before = prisma(["migrate", "status"], { env: { DATABASE_URL: database.url } });
      expect(before.status).not.toBe(0);
      expect(before.output).toMatch(/not yet been applied/);
      const deploy = prisma(["migrate", "deploy"], { env: { DATABASE_URL: database.url } });
      expect(deploy.output).toContain("All migrations have been successfully applied");
      expect(deploy.status).toBe(0);
      const status = prisma(["migrate", "status"], { env: { DATABASE_URL: database.url } });
      expect(status.output).toContain("Database schema is up to date");
      expect(status.status).toBe(0);
      expect(await database.tables()).toEqual(
        expect.arrayContaining([
          "_prisma_migrations",
          "users",
          "sessions",
          "refresh_tokens",
          "email_tokens",
          "teams",
          "team_members",
          "suspensions",
          "audit_events",
          "mail_outbox",
          "projects",
        ]),
      );
    } finally {
      await database.drop();
    }
  });
});

describe("migration drift check", () => {
  it("passes for the committed schema and migrations", () => {
    const check = prisma(
      [
        "migrate",
        "diff",
        "--from-migrations",
        "prisma/migrations",
        "--to-schema",
        "prisma/schema.prisma",
        "--exit-code",
      ],
      {
        env: { DATABASE_URL: "pglite:memory" },
      },
    );
    expect(check.output).toContain("No difference detected");
    expect(check.status).toBe(0);
  });

  it("fails (exit 2) when the schema changes without a migration", () => {
    const schema = path.join(scratch, "drifted.prisma");
    const original = readFileSync(path.join(repoRoot, "prisma/schema.prisma"), "utf8");
    writeFileSync(
      schema,
      original.replace("  bio                 String?", "  bio                 String?\n  nickname            String?"),
    );
    const check = prisma(
      ["migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema", schema, "--exit-code"],
      {
        env: { DATABASE_URL: "pglite:memory" },
      },
    );
    expect(check.status).toBe(2);
    expect(check.output).toMatch(/nickname/);
  });
});

describe("prisma migrate dev (offline, embedded PGlite)", () => {
  it("creates a new migration after a schema change", () => {
    const project = mkdtempSync(path.join(scratch, "project-"));
    cpSync(path.join(repoRoot, "prisma"), path.join(project, "prisma"), { recursive: true });
    const engine = path.join(repoRoot, "packages/db/schema-engine/index.mjs");
    writeFileSync(
      path.join(project, "prisma.config.ts"),
      `import { defineConfig } from "prisma/config";
import { schemaEngineBinaryPath } from ${JSON.stringify(engine)};
process.env.PRISMA_SCHEMA_ENGINE_BINARY ||= schemaEngineBinaryPath;
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: ${JSON.stringify(`pglite:${path.join(project, "db")}`)} },
});
`,
    );
    const schemaFile = path.join(project, "prisma/schema.prisma");
    writeFileSync(
      schemaFile,
      readFileSync(schemaFile, "utf8").replace(
        "  bio                 String?",
        "  bio                 String?\n  nickname            String?",
      ),
    );
    const result = prisma(["migrate", "dev", "--name", "add_nickname"], { cwd: project });
    expect(result.output).toContain("add_nickname");
    expect(result.status).toBe(0);
    const created = readdirSync(path.join(project, "prisma/migrations")).find((name) => name.endsWith("_add_nickname"));
    expect(created).toBeDefined();
    expect(readFileSync(path.join(project, "prisma/migrations", created!, "migration.sql"), "utf8")).toContain(
      'ADD COLUMN     "nickname" TEXT',
    );
  }, 120_000);
});
