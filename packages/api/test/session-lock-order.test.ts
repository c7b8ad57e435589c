import { describe, expect, it } from "vitest";

import { useTestApp } from "./helpers/test-app";

const app = useTestApp();
const refresh = (refresh_token: string) =>
  app.anonymous("auth").auth.token({ grant_type: "refresh_token", refresh_token });

/**
 * 400 rounds of `me.update` and a refresh token rotation of the same session, at once, with the
 * session's activity due to be recorded (the update's statement then writes the session too).
 * Before the refresh locked the user first, 2–3 of 400 rounds deadlocked: a 500 for one of the two.
 */
describe("an update and a refresh of the same session at once", () => {
  it("both succeed, whatever the order their statements lock the user and the session in", async () => {
    const user = await app.signUp();
    const me = await user.as();
    let refreshToken = user.refreshToken;
    const failures: unknown[] = [];
    for (let wave = 0; wave < 400; wave += 1) {
      // The session's activity is due to be recorded again: the update's statement touches it.
      await app.database.db
        .$executeRaw`UPDATE sessions SET "lastActiveAt" = now() - interval '1 day' WHERE "userId" = ${user.id}::uuid`;
      const [updated, refreshed] = await Promise.allSettled([
        me.me.update({ bio: `wave ${wave}` }),
        refresh(refreshToken),
      ]);
      if (updated.status === "rejected") failures.push(updated.reason);
      if (refreshed.status === "rejected") failures.push(refreshed.reason);
      else refreshToken = refreshed.value.refreshToken;
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
