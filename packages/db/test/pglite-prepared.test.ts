import { messages, PGlite } from "@electric-sql/pglite";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { withPreparedStatements } from "../src/pglite-prepared";

// PGlite with prepared statements: same results and errors as PGlite's own `query`, each text
// prepared once, PGlite's locks kept (never inside another caller's transaction).
let raw: PGlite;
let db: PGlite;

beforeEach(async () => {
  raw = new PGlite();
  await raw.exec(`CREATE TABLE items (id int PRIMARY KEY, name text UNIQUE, tags jsonb NOT NULL DEFAULT '{}',
    seen timestamptz, data bytea)`);
  await raw.exec(`INSERT INTO items (id, name) VALUES (1, 'one'), (2, 'two')`);
  db = withPreparedStatements(raw);
});
afterEach(() => raw.close());

const prepared = async () =>
  (await raw.query<{ name: string }>("SELECT name FROM pg_prepared_statements ORDER BY name")).rows.map(
    (row) => row.name,
  );

describe("PGlite with prepared statements", () => {
  it("returns what PGlite's query returns, for reads and writes, in both row modes", async () => {
    const update = "UPDATE items SET tags = tags || $2::jsonb, seen = $3, data = $4 WHERE id = $1 RETURNING *";
    const args = [1, JSON.stringify({ a: 1 }), new Date("2026-01-02T03:04:05Z"), new Uint8Array([1, 2, 255])];
    const ours = await db.query(update, args);
    await raw.query("UPDATE items SET tags = '{}', seen = NULL, data = NULL WHERE id = 1");
    const theirs = await raw.query(update, args);
    expect(ours).toEqual(theirs);
    expect(ours.affectedRows).toBe(1);
    expect(ours.rows[0]).toMatchObject({ id: 1, tags: { a: 1 }, data: new Uint8Array([1, 2, 255]) });

    const select = "SELECT id, name FROM items WHERE id = ANY($1::int[]) ORDER BY id";
    expect(await db.query(select, [[1, 2]], { rowMode: "array" })).toEqual(
      await raw.query(select, [[1, 2]], { rowMode: "array" }),
    );
    expect((await db.query(select, [[2]])).rows).toEqual([{ id: 2, name: "two" }]);
    expect(await db.query("SELECT count(*)::int AS n FROM items")).toMatchObject({ rows: [{ n: 2 }] });
  });

  it("prepares a statement text once and reuses it", async () => {
    expect(await prepared()).toEqual([]);
    for (const id of [1, 2, 1]) await db.query("SELECT name FROM items WHERE id = $1", [id]);
    await db.query("SELECT id FROM items WHERE name = $1", ["two"]);
    expect(await prepared()).toHaveLength(2);
    expect((await db.query("SELECT name FROM items WHERE id = $1", [2])).rows).toEqual([{ name: "two" }]);
    expect(await prepared()).toHaveLength(2);
  });

  it("throws PostgreSQL's errors with their codes, and stays usable", async () => {
    const insert = "INSERT INTO items (id, name) VALUES ($1, $2)";
    await expect(db.query(insert, [3, "one"])).rejects.toMatchObject({ code: "23505" });
    await expect(db.query("SELECT 1 / $1::int", [0])).rejects.toMatchObject({ code: "22012" });
    await expect(db.query("SELEKT $1", [1])).rejects.toMatchObject({ code: "42601" });
    // The class the Prisma adapter maps to its errors.
    await expect(db.query("SELECT 1 / $1::int", [0])).rejects.toBeInstanceOf(messages.DatabaseError);
    await db.query(insert, [3, "three"]);
    expect((await db.query("SELECT name FROM items WHERE id = $1", [3])).rows).toEqual([{ name: "three" }]);
  });

  it("re-plans when the table changes under a prepared SELECT *", async () => {
    const all = "SELECT * FROM items WHERE id = $1";
    expect(Object.keys((await db.query<object>(all, [1])).rows[0]!)).not.toContain("extra");
    await raw.exec("ALTER TABLE items ADD COLUMN extra text DEFAULT 'x'");
    expect((await db.query<{ extra: string }>(all, [1])).rows[0]!.extra).toBe("x");
  });

  it("waits for another caller's open transaction instead of running inside it", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const transaction = raw.transaction(async (tx) => {
      await tx.query("UPDATE items SET name = 'changed' WHERE id = 1");
      await held;
      await tx.rollback();
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const read = db.query<{ name: string }>("SELECT name FROM items WHERE id = $1", [1]);
    const first = await Promise.race([
      read.then(() => "read"),
      new Promise((r) => setTimeout(() => r("waiting"), 100)),
    ]);
    expect(first).toBe("waiting");
    release();
    await transaction;
    expect((await read).rows).toEqual([{ name: "one" }]);
  });

  it("waits for a PGlite still starting, and refuses once it is closed", async () => {
    const fresh = new PGlite();
    const early = withPreparedStatements(fresh);
    expect((await early.query<{ n: number }>("SELECT $1::int + 1 AS n", [1])).rows).toEqual([{ n: 2 }]);
    await fresh.close();
    await expect(early.query("SELECT $1::int", [1])).rejects.toThrow(/closed/);
  });
});
