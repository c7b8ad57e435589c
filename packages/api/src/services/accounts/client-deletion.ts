import type { Database } from "@profilehub/db";

/** Whether the project lets dialect D's clients delete their own account (Stack's `client_user_deletion_enabled`). */
export async function clientDeletionEnabled(db: Database, projectId: string): Promise<boolean> {
  const rows = await db.$queryRaw<{ enabled: boolean }[]>`
    SELECT "clientUserDeletionEnabled" AS enabled FROM projects WHERE id = ${projectId}`;
  return rows[0]?.enabled ?? false;
}
