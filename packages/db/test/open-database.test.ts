import { describe, expect, it } from "vitest";

import { DatabaseUnreachableError, openDatabase, redactUrl, resolveDatabaseUrl } from "../src/index";

describe("database selection", () => {
  it("uses DATABASE_URL when set, else PGlite in the data folder", () => {
    expect(resolveDatabaseUrl({ env: { DATABASE_URL: "postgres://u:p@h/db" }, repoRoot: "/repo" })).toBe(
      "postgres://u:p@h/db",
    );
    expect(resolveDatabaseUrl({ env: {}, repoRoot: "/repo" })).toBe("pglite:/repo/.data/pglite");
    expect(resolveDatabaseUrl({ env: { PROFILEHUB_DATA_DIR: "/var/ph" }, repoRoot: "/repo" })).toBe(
      "pglite:/var/ph/pglite",
    );
  });

  it("redacts passwords in URLs", () => {
    expect(redactUrl("postgres://admin:hunter2@db.example.com:5432/app")).toBe(
      "postgres://admin:***@db.example.com:5432/app",
    );
  });

  it("gives a clear error, without the password, when PostgreSQL is unreachable", async () => {
    const attempt = openDatabase({ url: "postgres://admin:hunter2@127.0.0.1:1/app" });
    await expect(attempt).rejects.toBeInstanceOf(DatabaseUnreachableError);
    const error = (await attempt.catch((caught: unknown) => caught)) as Error;
    expect(error.message).toMatch(/^Cannot connect to the database at postgres:\/\/admin:\*\*\*@127\.0\.0\.1:1\/app/);
    expect(error.message).not.toContain("hunter2");
    expect(error.stack ?? "").not.toContain("hunter2");
  });

  it("opens an in-memory PGlite", async () => {
    const database = await openDatabase({ url: "pglite:memory" });
    try {
      expect(database.kind).toBe("pglite");
      expect(await database.db.$queryRaw<{ one: number }[]>`SELECT 1 AS one`).toEqual([{ one: 1 }]);
    } finally {
      await database.close();
    }
  });
});
