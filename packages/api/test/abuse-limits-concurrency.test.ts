import { describe, expect, it } from "vitest";

import { DEFAULT_ABUSE_LIMITS } from "../src/config";
import { enforceLimits, forgiveHits } from "../src/services/abuse/abuse-limits";
import { signInLimits } from "../src/services/abuse/limit-keys";
import { useTestApp } from "./helpers/test-app";

const app = useTestApp();
/** Waves of 16 calls at once (8 counts, 8 forgivenesses): what deadlocked before, within the pool. */
const WAVE = 16;
const WAVES = 10;

/** Generous limits: this is about locks, not refusals. */
const LIMITS = {
  ...DEFAULT_ABUSE_LIMITS,
  signInPerAccountIp: { limit: 100_000, windowSeconds: 900 },
  signInPerIp: { limit: 100_000, windowSeconds: 900 },
  signInPerAccount: { limit: 100_000, windowSeconds: 900 },
};

describe("abuse limits under concurrency (one person's sign-ins at once)", () => {
  it("counting hits and taking them back on the same counters at once never fails (no deadlock reaches the caller)", async () => {
    const db = app.database.db;
    const counters = signInLimits(LIMITS, { projectId: "default", email: "race@example.com" }, "203.0.113.7");
    const count = () => enforceLimits(db, [counters.accountIp, counters.ip], [counters.account]);
    // As a right password does (password-sign-in.ts): the address's count cleared, the others decremented.
    const forgive = () => forgiveHits(db, { decrement: [counters.ip, counters.account], clear: [counters.accountIp] });
    await count();
    const failures: unknown[] = [];
    for (let wave = 0; wave < WAVES; wave += 1) {
      const results = await Promise.allSettled(
        Array.from({ length: WAVE }, (_, i) => (i % 2 === 0 ? count() : forgive())),
      );
      failures.push(...results.flatMap((result) => (result.status === "rejected" ? [result.reason as unknown] : [])));
    }
    expect(failures).toEqual([]);
    const rows = await db.abuseLimit.findMany({ where: { key: { in: [counters.ip.key, counters.account.key] } } });
    // 81 counts and 80 decrements, in whatever order: each counter ends between 1 and 81.
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row.hits).toBeGreaterThanOrEqual(1);
    for (const row of rows) expect(row.hits).toBeLessThanOrEqual(81);
  }, 90_000);
});
