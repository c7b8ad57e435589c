import { type Database, Prisma } from "@profilehub/db";

import { hashOpaqueToken, newOpaqueToken } from "../../auth/opaque-token";
import type { ClientInfo } from "../../context";
import { sessionExpiry } from "../database/sql";
import { securityEventCtes } from "../security-events";

export interface StartedSession {
  sessionId: string;
  /** Shown once; only its hash is stored. */
  refreshToken: string;
  /** The browser session secret (for `web` sessions): the cookie holds `<sessionId>.<webSecret>`. */
  webSecret: string | null;
  /** A sign-in alert mail was queued (poke the mail worker). */
  alerted: boolean;
}

/**
 * Opens a session with its first refresh token (and, for browsers, a cookie secret). With
 * `signIn`, the same statement records the `sign_in` security event (and its alert mail).
 */
export async function startSession(
  db: Database,
  userId: string,
  client: ClientInfo,
  options: { web?: boolean; signIn?: { door: string; requestId: string } } = {},
): Promise<StartedSession> {
  const refreshToken = newOpaqueToken();
  const webSecret = options.web ? newOpaqueToken() : null;
  const event = options.signIn
    ? securityEventCtes(
        "sign_in",
        { kind: "sign_in", ...options.signIn, client },
        { alias: "account", from: Prisma.sql`account` },
      )
    : Prisma.sql`, sign_in_alert AS (SELECT NULL::uuid AS id WHERE false)`;
  const rows = await db.$queryRaw<{ id: string; alerted: boolean }[]>`
    WITH session AS (
      INSERT INTO sessions ("userId", "expiresAt", "userAgent", "ipAddress", "webSecretHash")
      VALUES (${userId}::uuid, ${sessionExpiry()}, ${client.userAgent}, ${client.ip},
        ${webSecret === null ? null : hashOpaqueToken(webSecret)})
      RETURNING id, "expiresAt"
    ), token AS (
      INSERT INTO refresh_tokens ("sessionId", "tokenHash", "expiresAt")
      SELECT id, ${hashOpaqueToken(refreshToken)}, "expiresAt" FROM session
    ), account AS (
      SELECT u.id, u.email, u.locale, u.notifications FROM users u, session WHERE u.id = ${userId}::uuid
    )${event}
    SELECT id, EXISTS (SELECT 1 FROM sign_in_alert) AS alerted FROM session`;
  const row = rows[0];
  if (!row) throw new Error("Session was not created");
  return { sessionId: row.id, refreshToken, webSecret, alerted: row.alerted };
}
