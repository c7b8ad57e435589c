import { describe, expect, it } from "vitest";

import { testDatabaseKind, testPreparedStatements } from "./helpers";
import { useTestApp } from "./helpers/test-app";

const app = useTestApp();

/** Named prepared statements on the connection a transaction runs on, after a few router-style reads. */
async function namedStatementsOnOneConnection(userId: string): Promise<number> {
  return app.database.db.$transaction(async (tx) => {
    await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
    await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
    const [row] = await tx.$queryRaw<{ count: number }[]>`
      SELECT count(*)::int AS count FROM pg_prepared_statements WHERE name <> ''`;
    return row?.count ?? 0;
  });
}

describe("prepared statements", () => {
  const pooled = testDatabaseKind() === "postgres" && !testPreparedStatements();
  it(`${pooled ? "none behind a pooler (DATABASE_PREPARED_STATEMENTS=false)" : "each statement prepared once, by name"} (${testDatabaseKind()})`, async () => {
    const user = await app.signUp();
    const me = await user.as();
    await me.me.update({ displayName: "Ada" });
    const named = await namedStatementsOnOneConnection(user.id);
    if (pooled) expect(named).toBe(0);
    else expect(named).toBeGreaterThan(0);
    expect((await me.me.get()).displayName).toBe("Ada");
  });
});
