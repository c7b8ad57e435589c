import type { Database } from "@profilehub/db";
import type { CallerSession } from "../../context";

export async function isSessionLive(db: Database, session: CallerSession): Promise<boolean> {
  const rows = await db.$queryRaw<{ live: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM sessions
      WHERE id = ${session.sessionId}::uuid AND "userId" = ${session.userId}::uuid
        AND "revokedAt" IS NULL AND "expiresAt" > now()
    ) AS live`;
  return rows[0]?.live === true;
}
