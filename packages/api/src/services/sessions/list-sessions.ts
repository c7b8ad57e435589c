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
