import { describe, expect, it } from "vitest";

import { failure } from "./helpers/errors";
import { useTestApp } from "./helpers/test-app";

const app = useTestApp();

describe("sign-up", () => {
  // The race needs two statements between PostgreSQL's conflict pre-check and their index inserts at
  // once: rare per round (CI met it once in ~1 000 runs of abuse-limits' four concurrent sign-ups),
  // hence 10 rounds of 8. With `ON CONFLICT (id)`, the loser hit stackProjectId's unique index.
  it("creates a new project once when its first accounts sign up at the same moment", async () => {
    for (let round = 0; round < 10; round += 1) {
      const projectId = `race-${round}`;
      const users = await Promise.all(
        Array.from({ length: 8 }, (_, index) => app.signUp({ email: `first${round}-${index}@example.com`, projectId })),
      );
      expect(new Set(users.map((user) => user.id)).size).toBe(8);
      const [project] = await app.database.db.$queryRaw<{ accounts: number }[]>`
        SELECT count(*)::int AS accounts FROM users WHERE "projectId" = ${projectId}`;
      expect(project?.accounts).toBe(8);
    }
  });

  it("gives a taken address to exactly one of several concurrent sign-ups; the others get a conflict", async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, async () => {
        const attempt = app.signUp({ email: "same@example.com", projectId: "taken-race" });
        const created = await attempt.then(
          () => true,
          () => false,
        );
        return created ? "created" : (await failure(attempt)).reason;
      }),
    );
    expect(outcomes.sort()).toEqual(["conflict", "conflict", "conflict", "conflict", "created"]);
  });
});
