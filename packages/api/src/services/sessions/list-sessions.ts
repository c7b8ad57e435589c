import type { Database } from "@profilehub/db";

import { isLive } from "../database/sql";
import { describeDevice } from "./device";

export interface SessionSummary {
  id: string;
  current: boolean;
  device: string;
  ipAddress: string | null;
  createdAt: string;
  lastActiveAt: string;
  expiresAt: string;
}

/** A user's live sessions, most recently active first. */
export async function listSessions(db: Database, userId: string, currentSessionId: string): Promise<SessionSummary[]> {
  const rows = await db.$queryRaw<
    {
      id: string;
      userAgent: string | null;
      ipAddress: string | null;
      createdAt: Date;
      lastActiveAt: Date;
      expiresAt: Date;
    }[]
  >`
    SELECT s.id, s."userAgent", s."ipAddress", s."createdAt", s."lastActiveAt", s."expiresAt" FROM sessions s
    WHERE s."userId" = ${userId}::uuid AND ${isLive("s")}
    ORDER BY "lastActiveAt" DESC LIMIT 100`;
  return rows.map((row) => ({
    id: row.id,
    current: row.id === currentSessionId,
    device: describeDevice(row.userAgent),
    ipAddress: row.ipAddress,
    createdAt: row.createdAt.toISOString(),
    lastActiveAt: row.lastActiveAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
  }));
}

/** Revokes one of the user's sessions; `false` if it is not theirs or already ended. */
export async function revokeOwnSession(db: Database, userId: string, sessionId: string): Promise<boolean> {
  const count = await db.$executeRaw`
    UPDATE sessions SET "revokedAt" = now(), "revokedReason" = 'revoked_by_user'
    WHERE id = ${sessionId}::uuid AND "userId" = ${userId}::uuid AND "revokedAt" IS NULL`;
  return count === 1;
}

/** Revokes every other session of the user ("sign out everywhere else"); returns how many. */
export function revokeOtherSessions(db: Database, userId: string, keepSessionId: string): Promise<number> {
  return db.$executeRaw`
    UPDATE sessions SET "revokedAt" = now(), "revokedReason" = 'revoked_by_user'
    WHERE "userId" = ${userId}::uuid AND id <> ${keepSessionId}::uuid AND "revokedAt" IS NULL`;
}
