import { createHash, timingSafeEqual } from "node:crypto";
import { bearerToken, isServerKey } from "@profilehub/api";

import { getRuntime } from "../runtime";
import { getMetrics } from "./metrics";
import { checkReadiness } from "./readiness";
import { noteRequest } from "./request-context";

const NO_STORE = { "cache-control": "no-store" };

/** `GET /api/health`: the process is alive and serving (no database involved). */
export function health(): Response {
  noteRequest({ door: "ops" });
  return Response.json({ status: "ok" }, { headers: NO_STORE });
}

/** `GET /api/ready`: 200 when this instance should get traffic, else 503 naming the failed checks. */
export async function ready(): Promise<Response> {
  noteRequest({ door: "ops" });
  const { ready, failed, checks } = await checkReadiness();
  return Response.json(ready ? { status: "ok", checks } : { status: "unavailable", failed, checks }, {
    status: ready ? 200 : 503,
    headers: NO_STORE,
  });
}

const digest = (value: string) => createHash("sha256").update(value).digest();
const sameSecret = (presented: string | null, expected: string | undefined) =>
  Boolean(presented && expected && timingSafeEqual(digest(presented), digest(expected)));

/** `GET /api/metrics` (Prometheus text): with `x-api-key: <server key>` or `Authorization: Bearer <METRICS_TOKEN>`. */
export async function metrics(request: Request): Promise<Response> {
  noteRequest({ door: "ops" });
  const runtime = await getRuntime().catch(() => null);
  const services = runtime?.services;
  const allowed =
    services &&
    (isServerKey(services, request.headers.get("x-api-key")) ||
      sameSecret(bearerToken(request.headers.get("authorization")), services.config.metricsToken));
  if (!allowed) {
    const message = runtime
      ? "Metrics need the server key (x-api-key) or the metrics token (Authorization: Bearer)"
      : "Service unavailable: the database cannot be reached";
    return Response.json(
      { error: { code: runtime ? "server_key_invalid" : "unavailable", message, issues: [] } },
      { status: runtime ? 401 : 503, headers: { ...NO_STORE, ...(runtime ? { "www-authenticate": "Bearer" } : {}) } },
    );
  }
  const { registry } = getMetrics();
  return new Response(await registry.metrics(), { headers: { ...NO_STORE, "content-type": registry.contentType } });
}
