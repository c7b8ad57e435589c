import type { Database } from "@profilehub/db";

export interface TeamSummary {
  id: string;
  displayName: string;
  createdAt: string;
}

/** The teams a user belongs to, oldest membership first. */
export async function teamsOf(db: Database, userId: string): Promise<TeamSummary[]> {
  const rows = await db.$queryRaw<{ id: string; displayName: string; createdAt: Date }[]>`
    SELECT t.id, t."displayName", t."createdAt" FROM team_members m JOIN teams t ON t.id = m."teamId"
    WHERE m."userId" = ${userId}::uuid ORDER BY m."createdAt", t.id LIMIT 1000`;
  return rows.map((row) => ({ id: row.id, displayName: row.displayName, createdAt: row.createdAt.toISOString() }));
}
