import { Prisma, queryRows } from "@profilehub/db";
import { describe, expect, it, vi } from "vitest";

import { uniqueViolation } from "../src/services/database/unique-violation";
import { testDatabaseKind } from "./helpers";
import { useTestApp } from "./helpers/test-app";

const app = useTestApp();

/** Every kind of parameter and column the router's statements use, and a few more. */
function probe() {
  const when = new Date("2026-12-03T10:11:12.345Z");
  return Prisma.sql`SELECT ${"text ’é"}::text AS text, ${42}::int AS int, ${2.5}::float8 AS float,
    ${true}::boolean AS yes, ${false}::boolean AS no, ${null}::text AS nothing, ${when}::timestamptz AS "when",
    ${BigInt("9007199254740993")}::bigint AS big, ${["a", "b"]}::text[] AS list,
    ${JSON.stringify({ a: [1, { b: null }] })}::jsonb AS jsonb, json_build_object('at', ${when}::timestamptz, 'n', 1) AS json,
    ${"3f1c2c44-3b7a-4c43-9b3e-2f1d4a8e9c10"}::uuid AS id, '2026-01-02'::date AS day, 7::bigint AS count,
    ARRAY[1, 2]::int[] AS ints, ARRAY[${when}::timestamptz] AS times, NULL::jsonb AS "noJson"`;
}

describe(`queryRows: hot-path statements through the driver adapter (${testDatabaseKind()})`, () => {
  it("returns exactly what $queryRaw returns, without going through it", async () => {
    const db = app.database.db;
    const expected = await db.$queryRaw(probe());
    const viaPrisma = vi.spyOn(db, "$queryRaw");
    try {
      const rows = await queryRows(db, probe());
      expect(viaPrisma).not.toHaveBeenCalled();
      expect(rows).toEqual(expected);
      expect(rows).toHaveLength(1);
      const [row] = rows as Record<string, unknown>[];
      expect(row?.when).toBeInstanceOf(Date);
      expect(row?.big).toBe(BigInt("9007199254740993"));
      expect(row?.jsonb).toEqual({ a: [1, { b: null }] });
    } finally {
      viaPrisma.mockRestore();
    }
  });

  it("is found by another copy of the module (a server bundle holds several)", async () => {
    vi.resetModules();
    const copy = await import("../../db/src/raw-rows");
    expect(copy.queryRows).not.toBe(queryRows);
    const db = app.database.db;
    const expected = await db.$queryRaw(probe());
    const viaPrisma = vi.spyOn(db, "$queryRaw");
    try {
      expect(await copy.queryRows(db, probe())).toEqual(expected);
      expect(viaPrisma).not.toHaveBeenCalled();
    } finally {
      viaPrisma.mockRestore();
    }
  });

  it("runs inside a transaction when given the transaction's client", async () => {
    const user = await app.signUp();
    const db = app.database.db;
    const seen = await db
      .$transaction(async (tx) => {
        await tx.user.update({ where: { id: user.id }, data: { displayName: "Inside" } });
        const rows = await queryRows<{ name: string }>(
          tx as typeof db,
          Prisma.sql`SELECT "displayName" AS name FROM users WHERE id = ${user.id}::uuid`,
        );
        throw Object.assign(new Error("roll back"), { seen: rows[0]?.name });
      })
      .catch((error: { seen?: string }) => error.seen);
    expect(seen).toBe("Inside");
    const [after] = await queryRows<{ name: string | null }>(
      db,
      Prisma.sql`SELECT "displayName" AS name FROM users WHERE id = ${user.id}::uuid`,
    );
    expect(after?.name).not.toBe("Inside");
  });

  it("fails with the adapter's typed error, which the router reads as it reads Prisma's", async () => {
    const first = await app.signUp();
    const second = await app.signUp();
    const taken = queryRows(
      app.database.db,
      Prisma.sql`UPDATE users SET email = ${first.email} WHERE id = ${second.id}::uuid RETURNING id`,
    );
    const error = await taken.then(
      () => null,
      (failure: unknown) => failure,
    );
    expect(uniqueViolation(error)).toMatchObject({ path: "email", code: "taken" });
  });
});
