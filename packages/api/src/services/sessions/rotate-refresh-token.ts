import type { Database } from "@profilehub/db";
import { hashOpaqueToken, newOpaqueToken } from "../../auth/opaque-token";
import { isLive, sessionExpiry } from "../database/sql";

export type RotationResult =
  | { ok: true; sessionId: string; userId: string; refreshToken: string }
  | { ok: false; reason: "unknown" | "expired" | "reused" | "revoked" };

/**
 * Exchanges a refresh token for a new one, atomically: the old token is marked used, the session
 * extended, a new token issued. Presenting an already used token revokes its session (theft).
 */
export async function rotateRefreshToken(db: Database, presented: string): Promise<RotationResult> {
  const next = newOpaqueToken();
  const rows = await db.$queryRaw<
    { found: boolean; usedBefore: boolean; tokenLive: boolean; sessionId: string | null; userId: string | null }[]
  >`
    WITH token AS (
      SELECT id, "sessionId", "usedAt", "expiresAt" > now() AS live FROM refresh_tokens
      WHERE "tokenHash" = ${hashOpaqueToken(presented)} FOR UPDATE
    ), used AS (
      UPDATE refresh_tokens r SET "usedAt" = now() FROM token
      WHERE r.id = token.id AND token."usedAt" IS NULL AND token.live RETURNING r."sessionId"
    ), session AS (
      UPDATE sessions s SET "lastActiveAt" = now(), "expiresAt" = ${sessionExpiry()}
      FROM used WHERE s.id = used."sessionId" AND ${isLive("s")}
      RETURNING s.id, s."userId", s."expiresAt"
    ), issued AS (
      INSERT INTO refresh_tokens ("sessionId", "tokenHash", "expiresAt")
      SELECT id, ${hashOpaqueToken(next)}, "expiresAt" FROM session
    ), reused AS (
      UPDATE sessions s SET "revokedAt" = now(), "revokedReason" = 'refresh_token_reused' FROM token
      WHERE s.id = token."sessionId" AND token."usedAt" IS NOT NULL AND s."revokedAt" IS NULL
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
  if (row.usedBefore) return { ok: false, reason: "reused" };
  if (!row.tokenLive) return { ok: false, reason: "expired" };
  return { ok: false, reason: "revoked" };
}
