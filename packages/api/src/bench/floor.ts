import type { Database } from "@profilehub/db";
import { z } from "zod";
import { publicProcedure, router } from "../trpc";

/**
 * The floor of the benchmark (`npm run bench`): one `UPDATE … RETURNING` on a user row and
 * nothing else — no auth, no validation, no audit. Dialects are measured against it.
 * Served only when PROFILEHUB_BENCH_ROUTES=1.
 */
export async function floorUpdate(
  db: Database,
  userId: string,
  bio: string,
): Promise<{ id: string; bio: string | null }> {
  const rows = await db.$queryRaw<{ id: string; bio: string | null }[]>`
    UPDATE users SET bio = ${bio}, "updatedAt" = now() WHERE id = ${userId}::uuid RETURNING id, bio`;
  return rows[0] ?? { id: userId, bio: null };
}

/** The same floor as a bare tRPC procedure, to measure `me.update` against. */
export const benchRouter = router({
  floor: publicProcedure
    .input(z.object({ userId: z.string(), bio: z.string() }))
    .mutation(({ ctx, input }) => floorUpdate(ctx.db, input.userId, input.bio)),
});

export type BenchRouter = typeof benchRouter;
