import type { Database } from "@profilehub/db";

import { hashOpaqueToken } from "../../auth/opaque-token";
import { isLive } from "../database/sql";
import type { RotationResult } from "./rotate-refresh-token";

/**
 * A refresh token presented again after it was rotated. If it is the token *just* rotated — its
 * successor is still the session's current, unused token — and it was rotated less than
 * `intervalSeconds` ago, the caller gets that current token (the session is untouched): two tabs
 * refreshing at once both stay signed in. Anything else (an older token, or after the interval)
 * is theft: the whole session is revoked.
 *
 * A statement of its own, run after the rotation's: it must see the successor that a concurrent
 * rotation committed while this request waited for the token's row lock.
 */
export async function reuseRotatedToken(
  db: Database,
  presented: string,
  successor: string,
  intervalSeconds: number,
): Promise<RotationResult> {
  const rows = await db.$queryRaw<{ sessionId: string | null; userId: string | null }[]>`
    WITH presented AS (
      SELECT "sessionId", "usedAt" FROM refresh_tokens WHERE "tokenHash" = ${hashOpaqueToken(presented)}
    ), current AS (
      SELECT r."sessionId" FROM refresh_tokens r, presented
      WHERE r."tokenHash" = ${hashOpaqueToken(successor)} AND r."sessionId" = presented."sessionId"
        AND r."usedAt" IS NULL AND r."expiresAt" > now()
        AND presented."usedAt" > now() - make_interval(secs => ${intervalSeconds}::int)
    ), session AS (
      SELECT s.id, s."userId" FROM sessions s, current
      WHERE s.id = current."sessionId" AND ${isLive("s")}
    ), revoked AS (
      UPDATE sessions s SET "revokedAt" = now(), "revokedReason" = 'refresh_token_reused' FROM presented
      WHERE s.id = presented."sessionId" AND s."revokedAt" IS NULL AND NOT EXISTS (SELECT 1 FROM session)
    )
    SELECT (SELECT id FROM session) AS "sessionId", (SELECT "userId" FROM session) AS "userId"`;
  const row = rows[0];
  if (row?.sessionId && row.userId) {
    return { ok: true, sessionId: row.sessionId, userId: row.userId, refreshToken: successor };
  }
  return { ok: false, reason: "reused" };
}
