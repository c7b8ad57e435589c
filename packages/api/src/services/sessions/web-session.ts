import type { Database } from "@profilehub/db";

import { hashOpaqueToken } from "../../auth/opaque-token";
import type { CallerSession } from "../../context";
import { isLive, sessionExpiry, touchDue } from "../database/sql";

/** The browser's session cookie holds `<sessionId>.<webSecret>`. */
export function webSessionCookieValue(sessionId: string, webSecret: string): string {
  return `${sessionId}.${webSecret}`;
}

/**
 * The caller behind a session cookie, if the session is live and the secret matches its stored
 * hash. Activity is recorded at most once a minute; the session slides to 30 days from then.
 */
export async function resolveWebSession(db: Database, cookie: string): Promise<CallerSession | null> {
  const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{20,100})$/.exec(cookie);
  if (!match) return null;
  const [, sessionId, secret] = match as unknown as [string, string, string];
  const rows = await db.$queryRaw<CallerSession[]>`
    WITH session AS (
      SELECT s.id, s."userId", s."lastActiveAt" FROM sessions s
      WHERE s.id = ${sessionId}::uuid AND s."webSecretHash" = ${hashOpaqueToken(secret)}
        AND ${isLive("s")}
    ), touched AS (
      UPDATE sessions SET "lastActiveAt" = now(), "expiresAt" = ${sessionExpiry()}
      FROM session WHERE sessions.id = session.id AND ${touchDue("session")}
    )
    SELECT u.id AS "userId", u.number AS "userNumber", u."projectId", session.id AS "sessionId"
    FROM session JOIN users u ON u.id = session."userId"`;
  return rows[0] ?? null;
}
