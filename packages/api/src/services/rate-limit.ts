import type { Database } from "@profilehub/db";
import { telemetry } from "../telemetry";

export interface RateLimitRule {
  /** Hits allowed per window; 0 disables the rule. */
  limit: number;
  windowSeconds: number;
}

export type RateLimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts one hit against `key` in a fixed window, atomically and in the database, so every
 * instance shares the count. A refusal is reported by the key's first part (`sign-in:…` → `sign-in`).
 */
export async function hitRateLimit(db: Database, key: string, rule: RateLimitRule): Promise<RateLimitResult> {
  if (rule.limit <= 0) return { allowed: true };
  const rows = await db.$queryRaw<{ hits: number; retryAfter: number }[]>`
    INSERT INTO rate_limits (key, "windowStart", hits) VALUES (${key}, now(), 1)
    ON CONFLICT (key) DO UPDATE SET
      hits = CASE WHEN rate_limits."windowStart" <= now() - make_interval(secs => ${rule.windowSeconds}::int)
        THEN 1 ELSE rate_limits.hits + 1 END,
      "windowStart" = CASE WHEN rate_limits."windowStart" <= now() - make_interval(secs => ${rule.windowSeconds}::int)
        THEN now() ELSE rate_limits."windowStart" END
    RETURNING hits,
      ceil(extract(epoch FROM "windowStart" + make_interval(secs => ${rule.windowSeconds}::int) - now()))::int AS "retryAfter"`;
  const row = rows[0];
  if (!row || row.hits <= rule.limit) return { allowed: true };
  telemetry().rateLimitRefused(key.split(":")[0] ?? key);
  return { allowed: false, retryAfterSeconds: Math.max(1, row.retryAfter) };
}
