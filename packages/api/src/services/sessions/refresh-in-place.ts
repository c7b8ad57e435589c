import type { Database } from "@profilehub/db";

import { hashOpaqueToken } from "../../auth/opaque-token";
import { isLive, lockSessionOwner, sessionExpiry } from "../database/sql";

/**
 * Stack Auth's refresh grant: the refresh token is NOT rotated (Stack's SDK keeps presenting the
 * same one). A token still unused and unexpired, of a live session, extends the session (and
 * itself, to the session's new expiry) and names its user; anything else names nobody. A token
 * that ProfileHub's own grant has rotated is used, so it is refused here too: the rotating grant
 * and its reuse detection are unchanged. The token must be of a user of the project named (by
 * id or Stack UUID: the grant's `client_id`), else nothing is touched.
 */
export async function refreshInPlace(
  db: Database,
  presented: string,
  projectNamed: string,
): Promise<{ sessionId: string; userId: string } | null> {
  const hash = hashOpaqueToken(presented);
  const rows = await db.$queryRaw<{ sessionId: string; userId: string }[]>`
    WITH token AS (
      SELECT r."sessionId" FROM refresh_tokens r
      JOIN sessions s ON s.id = r."sessionId" JOIN users u ON u.id = s."userId" JOIN projects p ON p.id = u."projectId"
      WHERE r."tokenHash" = ${hash} AND r."usedAt" IS NULL AND r."expiresAt" > now()
        AND (p.id = ${projectNamed} OR p."stackProjectId"::text = ${projectNamed})
    ), owner AS (
      ${lockSessionOwner("token")}
    ), session AS (
      UPDATE sessions s SET "lastActiveAt" = now(), "expiresAt" = ${sessionExpiry()}
      FROM token, owner WHERE s.id = token."sessionId" AND s."userId" = owner.id AND ${isLive("s")}
      RETURNING s.id, s."userId", s."expiresAt"
    ), extended AS (
      UPDATE refresh_tokens r SET "expiresAt" = session."expiresAt" FROM session WHERE r."tokenHash" = ${hash}
    ), touched AS (
      UPDATE users u SET "lastActiveAt" = now() FROM session WHERE u.id = session."userId"
    )
    SELECT id AS "sessionId", "userId" FROM session`;
  return rows[0] ?? null;
}
