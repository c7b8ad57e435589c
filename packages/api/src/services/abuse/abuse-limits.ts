import type { Database } from "@profilehub/db";

import type { AbuseLimitKind, LimitRule } from "../../config/abuse-limits";
import { appError } from "../../errors";
import { telemetry } from "../../telemetry";
import { retryOnConflict } from "../database/retry-conflict";

/** One counter: its key, the limit's name (metrics: `kind`) and its rule. */
export interface LimitHit {
  key: string;
  kind: AbuseLimitKind;
  rule: LimitRule;
}

export type LimitVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number; kind: AbuseLimitKind };

/** How many ended windows each hit deletes: more than it can create, so the table stays small. */
const PRUNE_PER_HIT = 8;

/**
 * Counts one hit against every key of `first` and — only if none of those is over its limit —
 * against every key of `then`, atomically, in the database (one statement), so that every instance
 * shares the counts. A refused request therefore never counts against `then`: an address already
 * over its own limit cannot push an account-wide counter any further. Rules with a limit of 0 are
 * skipped. A refusal is reported with the longest wait among the counters over their limit.
 */
export async function hitLimits(db: Database, first: LimitHit[], then: LimitHit[] = []): Promise<LimitVerdict> {
  const hits = [...first.map((hit) => ({ ...hit, stage: 1 })), ...then.map((hit) => ({ ...hit, stage: 2 }))].filter(
    (hit) => hit.rule.limit > 0,
  );
  if (hits.length === 0) return { allowed: true };
  const keys = hits.map((hit) => hit.key);
  // Existing counters are locked in the order given (`first`, then `then`); `forgiveHits` locks in
  // the order its callers give too, and every caller names one person's counters in one order
  // (address and account, address, account). Any deadlock left is retried.
  const rows = await retryOnConflict(
    () => db.$queryRaw<{ key: string; hits: number; retryAfter: number }[]>`
    WITH input AS (
      SELECT * FROM unnest(${keys}::text[], ${hits.map((hit) => hit.rule.limit)}::int[],
        ${hits.map((hit) => hit.rule.windowSeconds)}::int[], ${hits.map((hit) => hit.stage)}::int[])
        AS i(key, lim, secs, stage)
    ), first AS (
      INSERT INTO abuse_limits AS a (key, hits, "resetAt")
      SELECT key, 1, now() + make_interval(secs => secs) FROM input WHERE stage = 1
      ON CONFLICT (key) DO UPDATE SET
        hits = CASE WHEN a."resetAt" <= now() THEN 1 ELSE a.hits + 1 END,
        "resetAt" = CASE WHEN a."resetAt" <= now() THEN excluded."resetAt" ELSE a."resetAt" END
      RETURNING a.key, a.hits, a."resetAt"
    ), second AS (
      INSERT INTO abuse_limits AS a (key, hits, "resetAt")
      SELECT key, 1, now() + make_interval(secs => secs) FROM input
      WHERE stage = 2 AND NOT EXISTS (SELECT 1 FROM first f JOIN input i USING (key) WHERE f.hits > i.lim)
      ON CONFLICT (key) DO UPDATE SET
        hits = CASE WHEN a."resetAt" <= now() THEN 1 ELSE a.hits + 1 END,
        "resetAt" = CASE WHEN a."resetAt" <= now() THEN excluded."resetAt" ELSE a."resetAt" END
      RETURNING a.key, a.hits, a."resetAt"
    ), pruned AS (
      DELETE FROM abuse_limits WHERE key IN (
        SELECT key FROM abuse_limits WHERE "resetAt" < now() AND NOT (key = ANY(${keys}::text[]))
        LIMIT ${PRUNE_PER_HIT} FOR UPDATE SKIP LOCKED)
    )
    SELECT h.key, h.hits, ceil(extract(epoch FROM h."resetAt" - now()))::int AS "retryAfter"
    FROM (SELECT * FROM first UNION ALL SELECT * FROM second) h`,
  );
  const over = rows
    .map((row) => ({ row, hit: hits.find((hit) => hit.key === row.key)! }))
    .filter(({ row, hit }) => row.hits > hit.rule.limit)
    .sort((a, b) => b.row.retryAfter - a.row.retryAfter)[0];
  if (!over) return { allowed: true };
  telemetry().rateLimitRefused(over.hit.kind);
  return { allowed: false, retryAfterSeconds: Math.max(1, over.row.retryAfter), kind: over.hit.kind };
}

/** `hitLimits`, throwing the typed `rate_limited` refusal (429 with `Retry-After`) when refused. */
export async function enforceLimits(db: Database, first: LimitHit[], then: LimitHit[] = []): Promise<void> {
  const verdict = await hitLimits(db, first, then);
  if (!verdict.allowed) throw appError("rate_limited", { retryAfterSeconds: verdict.retryAfterSeconds });
}

/**
 * Takes back the hit of a request that turned out legitimate (a right password): `decrement`
 * counters lose that one hit, `clear` counters are reset. Only failures are left counted. The
 * counters are locked first, `clear` then `decrement`, each in the order given — the order
 * `hitLimits` counts them in — so a sign-in's forgiveness and another's count of the same person
 * never wait on each other in a cycle (they did: PostgreSQL ran the DELETE after the UPDATE).
 */
export async function forgiveHits(db: Database, hits: { decrement: LimitHit[]; clear: LimitHit[] }): Promise<void> {
  const decrement = hits.decrement.map((hit) => hit.key);
  const clear = hits.clear.map((hit) => hit.key);
  if (decrement.length + clear.length === 0) return;
  await retryOnConflict(
    () => db.$executeRaw`
    WITH locked AS (
      SELECT a.key FROM abuse_limits a
      JOIN unnest(${[...clear, ...decrement]}::text[]) WITH ORDINALITY AS k(key, position) ON k.key = a.key
      ORDER BY k.position FOR UPDATE OF a
    ), cleared AS (
      DELETE FROM abuse_limits a USING locked l WHERE a.key = l.key AND a.key = ANY(${clear}::text[])
    )
    UPDATE abuse_limits a SET hits = GREATEST(a.hits - 1, 0) FROM locked l
    WHERE a.key = l.key AND a.key = ANY(${decrement}::text[]) AND a."resetAt" > now()`,
  );
}
