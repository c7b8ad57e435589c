import { type Database, Prisma, queryRows } from "@profilehub/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";

import type { AppServices } from "../app-services";
import type { CallerSession } from "../context";
import { publicProcedure, router } from "../trpc";

/** What the floor returns: the row it wrote, or `null` when the session is not live. */
export type FloorRow = { id: string; bio: string | null; updatedAt: Date };

/**
 * The floor of the benchmark (`npm run bench`): what any update-user endpoint must at least do —
 * the caller's session checked and their row updated, in ONE statement — and nothing else: no
 * validation, no audit, no side effects, no view mapping. Doors are measured against it. It runs
 * its statement the way the update path does (`queryRows`), so the two differ only in their work.
 * Served only when PROFILEHUB_BENCH_ROUTES=1.
 */
export async function floorUpdate(db: Database, session: CallerSession, bio: string): Promise<FloorRow | null> {
  const rows = await queryRows<FloorRow>(
    db,
    Prisma.sql`
    UPDATE users u SET bio = ${bio}, "updatedAt" = now()
    WHERE u.id = ${session.userId}::uuid AND EXISTS (
      SELECT 1 FROM sessions s WHERE s.id = ${session.sessionId}::uuid AND s."userId" = u.id
        AND s."revokedAt" IS NULL AND s."expiresAt" > now())
    RETURNING u.id, u.bio, u."updatedAt"`,
  );
  return rows[0] ?? null;
}

/** The caller of a floor request: the access token verified with the doors' own verifier. */
export async function floorSession(services: AppServices, authorization: string | null): Promise<CallerSession | null> {
  const token = /^Bearer (\S+)$/.exec(authorization ?? "")?.[1];
  if (!token) return null;
  try {
    const claims = await services.tokens.verify(token);
    return { userId: claims.sub, userNumber: claims.num, projectId: claims.pid, sessionId: claims.sid };
  } catch {
    return null;
  }
}

/** The floor as a bare route handler's work: 401 without a valid token or a live session. */
export async function floorResponse(services: AppServices, request: Request): Promise<Response> {
  const session = await floorSession(services, request.headers.get("authorization"));
  if (!session) return new Response(null, { status: 401 });
  const { bio } = (await request.json()) as { bio: string };
  const row = await floorUpdate(services.db, session, bio);
  return row ? Response.json(row) : new Response(null, { status: 401 });
}

const unauthorized = () => new TRPCError({ code: "UNAUTHORIZED" });

/**
 * The same floor as a bare tRPC procedure, to measure `me.update` against. Its context is the
 * doors' own (`createContextInner`) with the session from `floorSession`.
 */
export const benchRouter = router({
  floor: publicProcedure.input(z.object({ bio: z.string() })).mutation(async ({ ctx, input }) => {
    if (!ctx.session) throw unauthorized();
    const row = await floorUpdate(ctx.services.db, ctx.session, input.bio);
    if (!row) throw unauthorized();
    return row;
  }),
});

export type BenchRouter = typeof benchRouter;
