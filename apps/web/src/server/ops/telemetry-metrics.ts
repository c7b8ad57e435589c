import type { TelemetryObserver } from "@profilehub/api";

import type { Metrics } from "./metrics";

/** Counts what the router reports (webhook calls, rate-limit refusals, mail deliveries). */
export function telemetryToMetrics(metrics: Metrics): TelemetryObserver {
  return {
    webhookCall: (outcome) => metrics.webhookCalls.inc({ outcome }),
    rateLimitRefused: (kind) => metrics.rateLimitRefusals.inc({ kind }),
    mailDelivery: (outcome) => metrics.mailDeliveries.inc({ outcome }),
  };
}
