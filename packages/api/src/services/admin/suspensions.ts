import type { Database } from "@profilehub/db";

import { appError } from "../../errors";

/** Suspends a user from now until `endsAt` (or indefinitely). */
export async function createSuspension(
  db: Database,
  input: { userId: string; reason: string; endsAt?: string | null | undefined },
) {
  const user = await db.user.findUnique({ where: { id: input.userId }, select: { id: true } });
  if (!user) throw appError("user_not_found");
  const suspension = await db.suspension.create({
    data: { userId: input.userId, reason: input.reason, endsAt: input.endsAt ? new Date(input.endsAt) : null },
    select: { id: true, reason: true, startsAt: true, endsAt: true },
  });
  return {
    id: suspension.id,
    reason: suspension.reason,
    startsAt: suspension.startsAt.toISOString(),
    endsAt: suspension.endsAt?.toISOString() ?? null,
  };
}
