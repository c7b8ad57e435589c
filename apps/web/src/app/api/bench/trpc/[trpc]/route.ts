import { benchRouter, createContextInner } from "@profilehub/api";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { benchRoutesEnabled, notFound } from "@/server/bench/enabled";
import { getRuntime } from "@/server/runtime";

/** Benchmark floor for tRPC: the same UPDATE as a bare procedure (PROFILEHUB_BENCH_ROUTES=1 only). */
async function handler(request: Request): Promise<Response> {
  if (!benchRoutesEnabled()) return notFound();
  const { services } = await getRuntime();
  return fetchRequestHandler({
    endpoint: "/api/bench/trpc",
    req: request,
    router: benchRouter,
    createContext: () => createContextInner(services, { door: "trpc" }),
  });
}

export { handler as POST };
