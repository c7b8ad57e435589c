import type { Database } from "@profilehub/db";

import { describeDevice } from "../sessions/device";

export interface ActivityEntry {
  id: string;
  action: string;
  door: string;
  actorType: string;
  /** `true` when the change was made by the user themself (not by a server). */
  bySelf: boolean;
  createdAt: string;
  changes: Record<string, { from: unknown; to: unknown }>;
  /** Where a security event came from (or, for a revocation, the session it ended); `null` when unrecorded. */
  device: string | null;
  ip: string | null;
}

interface StoredDetails {
  userAgent?: string | null;
  ip?: string | null;
}

/** Events without a recorded user agent (older rows, server calls) show no device. */
function deviceOf(details: StoredDetails): { device: string | null; ip: string | null } {
  return { device: details.userAgent ? describeDevice(details.userAgent) : null, ip: details.ip ?? null };
}

/** A user's own audit history, newest first, `limit` entries before the cursor `before` (an id). */
export async function listActivity(
  db: Database,
  userId: string,
  options: { limit: number; before?: string | undefined },
): Promise<ActivityEntry[]> {
  const before = options.before ?? null;
  const rows = await db.$queryRaw<
    {
      id: bigint;
      action: string;
      door: string;
      actorType: string;
      actorUserId: string | null;
      createdAt: Date;
      changes: ActivityEntry["changes"];
      details: StoredDetails;
    }[]
  >`
    SELECT id, action, door, "actorType", "actorUserId", "createdAt", changes, details FROM audit_events
    WHERE "userId" = ${userId}::uuid AND (${before}::bigint IS NULL OR id < ${before}::bigint)
    ORDER BY id DESC LIMIT ${options.limit}::int`;
  return rows.map((row) => ({
    id: row.id.toString(),
    action: row.action,
    door: row.door,
    actorType: row.actorType,
    bySelf: row.actorType === "user" && row.actorUserId === userId,
    createdAt: row.createdAt.toISOString(),
    changes: row.changes,
    ...deviceOf(row.details),
  }));
}
