import { type Database, Prisma } from "@profilehub/db";

import { securityEventCtes } from "../security-events";

export interface EndSessions {
  userId: string;
  /** One session, or every session of the user but one ("sign out everywhere else"). */
  which: { sessionId: string } | { allBut: string };
  /** Stored as `revokedReason`. */
  reason: "signed_out" | "revoked_by_user";
  /** The security event each ended session records (with that session's device). */
  event: { kind: "sign_out" | "session_revoked"; door: string; requestId: string };
}

/**
 * Ends live sessions of a user — their access tokens stop working on the next request, their
 * refresh tokens too — and records one security event per ended session, in one statement.
 * Resolves how many were ended (0: none was live, or none is the user's).
 */
export async function endSessions(db: Database, request: EndSessions): Promise<number> {
  const which =
    "sessionId" in request.which
      ? Prisma.sql`s.id = ${request.which.sessionId}::uuid`
      : Prisma.sql`s.id <> ${request.which.allBut}::uuid`;
  const events = securityEventCtes(
    "ended",
    { ...request.event },
    {
      alias: "account",
      from: Prisma.sql`account`,
      details: Prisma.sql`jsonb_build_object('userAgent', account."userAgent", 'ip', account."ipAddress",
        'sessionId', account."sessionId")`,
    },
  );
  const rows = await db.$queryRaw<{ ended: number }[]>`
    WITH ended AS (
      UPDATE sessions s SET "revokedAt" = now(), "revokedReason" = ${request.reason}
      WHERE s."userId" = ${request.userId}::uuid AND ${which} AND s."revokedAt" IS NULL
      RETURNING s.id, s."userId", s."userAgent", s."ipAddress"
    ), account AS (
      SELECT u.id, u.email, u.locale, u.notifications, ended.id AS "sessionId", ended."userAgent", ended."ipAddress"
      FROM users u JOIN ended ON u.id = ended."userId"
    )${events}
    SELECT count(*)::int AS ended FROM ended`;
  return rows[0]?.ended ?? 0;
}
