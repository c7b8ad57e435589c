import type { Database } from "@profilehub/db";

/** Ends a session: its access tokens stop working on the next request, its refresh token too. */
export async function revokeSession(db: Database, sessionId: string, reason: string): Promise<void> {
  await db.$executeRaw`
    UPDATE sessions SET "revokedAt" = now(), "revokedReason" = ${reason}
    WHERE id = ${sessionId}::uuid AND "revokedAt" IS NULL`;
}
