import { benchRouter, createContextInner, floorSession } from "@profilehub/api";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";

import { benchRoutesEnabled, notFound } from "@/server/bench/enabled";
import { getRuntime } from "@/server/runtime";

/** Benchmark floor for tRPC: the same token check and statement as a bare procedure (bench only). */
async function handler(request: Request): Promise<Response> {
  if (!benchRoutesEnabled()) return notFound();
  const { services } = await getRuntime();
  return fetchRequestHandler({
    endpoint: "/api/bench/trpc",
    req: request,
    router: benchRouter,
    createContext: async () =>
      createContextInner(services, {
        door: "trpc",
        session: await floorSession(services, request.headers.get("authorization")),
      }),
  });
}

export { handler as POST };
