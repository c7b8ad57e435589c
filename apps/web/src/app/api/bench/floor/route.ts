import { floorResponse } from "@profilehub/api";

import { benchRoutesEnabled, notFound } from "@/server/bench/enabled";
import { getRuntime } from "@/server/runtime";

/**
 * Benchmark floor (PROFILEHUB_BENCH_ROUTES=1 only): a bare route handler that verifies the access
 * token and runs one statement checking the session and doing `UPDATE … RETURNING` for that user.
 */
export async function PUT(request: Request): Promise<Response> {
  if (!benchRoutesEnabled()) return notFound();
  const { services } = await getRuntime();
  return floorResponse(services, request);
}
