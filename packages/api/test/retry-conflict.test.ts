import { describe, expect, it } from "vitest";

import { isTransientConflict, retryOnConflict } from "../src/services/database/retry-conflict";
import { useTestApp } from "./helpers/test-app";

const app = useTestApp();

/** A statement that fails in the database with `sqlstate` (a real driver error, through the adapter). */
const failing = (sqlstate: string) =>
  app.database.db.$executeRawUnsafe(`DO $$ BEGIN RAISE EXCEPTION 'conflict' USING ERRCODE = '${sqlstate}'; END $$`);

describe("retryOnConflict: a statement rolled back for a deadlock or a serialization failure runs again", () => {
  it("recognizes deadlocks (40P01) and serialization failures (40001), nothing else", async () => {
    for (const sqlstate of ["40P01", "40001"]) {
      expect(isTransientConflict(await failing(sqlstate).catch((error: unknown) => error)), sqlstate).toBe(true);
    }
    expect(isTransientConflict(await failing("23505").catch((error: unknown) => error))).toBe(false);
    expect(isTransientConflict(new Error("deadlock detected"))).toBe(false);
  });

  it("runs the statement again after a transient conflict, and returns its result", async () => {
    let calls = 0;
    const result = await retryOnConflict(async () => {
      calls += 1;
      if (calls < 3) await failing(calls === 1 ? "40P01" : "40001");
      return app.database.db.$queryRaw<{ one: number }[]>`SELECT 1 AS one`;
    });
    expect(result).toEqual([{ one: 1 }]);
    expect(calls).toBe(3);
  });

  it("gives up after its attempts, and throws any other error at once", async () => {
    let calls = 0;
    const deadlocked = await retryOnConflict(() => {
      calls += 1;
      return failing("40P01");
    }, 2).catch((error: unknown) => error);
    expect(isTransientConflict(deadlocked)).toBe(true);
    expect(calls).toBe(2);
    calls = 0;
    const other = await retryOnConflict(() => {
      calls += 1;
      return failing("23505");
    }).catch((error: unknown) => error);
    expect(isTransientConflict(other)).toBe(false);
    expect(calls).toBe(1);
  });
});
