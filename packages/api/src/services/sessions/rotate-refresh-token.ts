import type { Database } from "@profilehub/db";

import { hashOpaqueToken } from "../../auth/opaque-token";
import type { RefreshTokenSuccessor } from "../../auth/refresh-token-successor";
import { isLive, lockSessionOwner, sessionExpiry } from "../database/sql";
import { reuseRotatedToken } from "./reuse-rotated-token";

export type RotationResult =
  | { ok: true; sessionId: string; userId: string; refreshToken: string }
  | { ok: false; reason: "unknown" | "expired" | "reused" | "revoked" };

export interface RotationOptions {
  successor: RefreshTokenSuccessor;
  /** How long the token just rotated still returns the session's current one (DESIGN §4). */
  reuseIntervalSeconds: number;
}

/**
 * Exchanges a refresh token for its successor, atomically: the old token is marked used, the
 * session extended, the successor stored (hashed). A token already used goes to
 * `reuseRotatedToken`: within the reuse interval, the token just rotated gets the session's
 * current token again (two tabs refreshing at once); otherwise it is theft and the session is revoked.
 */
export async function rotateRefreshToken(
  db: Database,
  presented: string,
  options: RotationOptions,
): Promise<RotationResult> {
  const next = options.successor.of(presented);
  const rows = await db.$queryRaw<
    { found: boolean; usedBefore: boolean; tokenLive: boolean; sessionId: string | null; userId: string | null }[]
  >`
    WITH token AS (
      SELECT id, "sessionId", "usedAt", "expiresAt" > now() AS live FROM refresh_tokens
      WHERE "tokenHash" = ${hashOpaqueToken(presented)} FOR UPDATE
    ), used AS (
      UPDATE refresh_tokens r SET "usedAt" = now() FROM token
      WHERE r.id = token.id AND token."usedAt" IS NULL AND token.live RETURNING r."sessionId"
    ), owner AS (
      ${lockSessionOwner("used")}
    ), session AS (
      UPDATE sessions s SET "lastActiveAt" = now(), "expiresAt" = ${sessionExpiry()}
      FROM used, owner WHERE s.id = used."sessionId" AND s."userId" = owner.id AND ${isLive("s")}
      RETURNING s.id, s."userId", s."expiresAt"
    ), issued AS (
      INSERT INTO refresh_tokens ("sessionId", "tokenHash", "expiresAt")
      SELECT id, ${hashOpaqueToken(next)}, "expiresAt" FROM session
    ), touched AS (
      UPDATE users u SET "lastActiveAt" = now() FROM session WHERE u.id = session."userId"
    )
    SELECT EXISTS (SELECT 1 FROM token) AS found,
      coalesce((SELECT "usedAt" IS NOT NULL FROM token), false) AS "usedBefore",
      coalesce((SELECT live FROM token), false) AS "tokenLive",
      (SELECT id FROM session) AS "sessionId", (SELECT "userId" FROM session) AS "userId"`;
  const row = rows[0];
  if (row?.sessionId && row.userId)
    return { ok: true, sessionId: row.sessionId, userId: row.userId, refreshToken: next };
  if (!row?.found) return { ok: false, reason: "unknown" };
  if (row.usedBefore) return reuseRotatedToken(db, presented, next, options.reuseIntervalSeconds);
  if (!row.tokenLive) return { ok: false, reason: "expired" };
  return { ok: false, reason: "revoked" };
}
