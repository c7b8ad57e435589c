import { floorUpdate } from "@profilehub/api";
import { benchRoutesEnabled, notFound } from "@/server/bench/enabled";
import { getRuntime } from "@/server/runtime";

/** Benchmark floor: a bare route handler running one `UPDATE … RETURNING` (PROFILEHUB_BENCH_ROUTES=1 only). */
export async function PUT(request: Request): Promise<Response> {
  if (!benchRoutesEnabled()) return notFound();
  const { userId, bio } = (await request.json()) as { userId: string; bio: string };
  const { services } = await getRuntime();
  return Response.json(await floorUpdate(services.db, userId, bio));
}
