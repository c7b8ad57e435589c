import type { Database } from "@profilehub/db";

import { hashOpaqueToken, newOpaqueToken } from "../../auth/opaque-token";
import type { ClientInfo } from "../../context";
import { sessionExpiry } from "../database/sql";

export interface StartedSession {
  sessionId: string;
  /** Shown once; only its hash is stored. */
  refreshToken: string;
  /** The browser session secret (for `web` sessions): the cookie holds `<sessionId>.<webSecret>`. */
  webSecret: string | null;
}

/** Opens a session with its first refresh token (and, for browsers, a cookie secret). */
export async function startSession(
  db: Database,
  userId: string,
  client: ClientInfo,
  options: { web?: boolean } = {},
): Promise<StartedSession> {
  const refreshToken = newOpaqueToken();
  const webSecret = options.web ? newOpaqueToken() : null;
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH session AS (
      INSERT INTO sessions ("userId", "expiresAt", "userAgent", "ipAddress", "webSecretHash")
      VALUES (${userId}::uuid, ${sessionExpiry()}, ${client.userAgent}, ${client.ip},
        ${webSecret === null ? null : hashOpaqueToken(webSecret)})
      RETURNING id, "expiresAt"
    ), token AS (
      INSERT INTO refresh_tokens ("sessionId", "tokenHash", "expiresAt")
      SELECT id, ${hashOpaqueToken(refreshToken)}, "expiresAt" FROM session
    )
    SELECT id FROM session`;
  const sessionId = rows[0]?.id;
  if (!sessionId) throw new Error("Session was not created");
  return { sessionId, refreshToken, webSecret };
}
