import { metrics } from "@/server/ops/ops-routes";

export const dynamic = "force-dynamic";

/** `GET /api/metrics` → Prometheus text, for the server key or `METRICS_TOKEN`. */
export const GET = metrics;
