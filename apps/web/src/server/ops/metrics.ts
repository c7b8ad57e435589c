import type { MailOutcome, WebhookOutcome } from "@profilehub/api";
import { ABUSE_LIMIT_KINDS } from "@profilehub/api/config";
import type { PoolStats } from "@profilehub/db";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/** What the database-backed gauges read at scrape time (set once the runtime is open). */
export interface MetricsSources {
  poolStats(): PoolStats;
  /** Unsent mails in the shared outbox: still trying (`pending`) and given up (`failed`). */
  outboxCounts(): Promise<{ pending: number; failed: number }>;
}

export interface Metrics {
  registry: Registry;
  httpRequests: Counter<"door" | "method" | "status">;
  httpDuration: Histogram<"door">;
  mailDeliveries: Counter<"outcome">;
  webhookCalls: Counter<"outcome">;
  rateLimitRefusals: Counter<"kind">;
  sources: MetricsSources | null;
}

const MAIL_OUTCOMES: MailOutcome[] = ["sent", "retried", "failed"];
const WEBHOOK_OUTCOMES: WebhookOutcome[] = [
  "valid",
  "rejected",
  "timeout",
  "unreachable",
  "http_error",
  "bad_signature",
  "bad_reply",
];
/** A scrape never waits longer than this for the database. */
const SCRAPE_QUERY_TIMEOUT_MS = 1000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function createMetrics(): Metrics {
  const registry = new Registry();
  const registers = [registry];
  collectDefaultMetrics({ register: registry });
  const metrics: Metrics = {
    registry,
    sources: null,
    httpRequests: new Counter({
      name: "http_requests_total",
      help: "HTTP requests answered, by door, method and status",
      labelNames: ["door", "method", "status"],
      registers,
    }),
    httpDuration: new Histogram({
      name: "http_request_duration_seconds",
      help: "Time from a request's arrival to the end of its response, by door",
      labelNames: ["door"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    mailDeliveries: new Counter({
      name: "profilehub_outbox_deliveries_total",
      help: "Outbox mail delivery attempts by this instance: sent, retried later, or failed for good",
      labelNames: ["outcome"],
      registers,
    }),
    webhookCalls: new Counter({
      name: "profilehub_webhook_calls_total",
      help: "validateUserUpdated webhook calls by outcome (anything but valid blocks the update)",
      labelNames: ["outcome"],
      registers,
    }),
    rateLimitRefusals: new Counter({
      name: "profilehub_rate_limit_refusals_total",
      help: "Requests refused by an abuse limit (429), by limit",
      labelNames: ["kind"],
      registers,
    }),
  };
  for (const outcome of MAIL_OUTCOMES) metrics.mailDeliveries.inc({ outcome }, 0);
  for (const outcome of WEBHOOK_OUTCOMES) metrics.webhookCalls.inc({ outcome }, 0);
  for (const kind of ABUSE_LIMIT_KINDS) metrics.rateLimitRefusals.inc({ kind }, 0);

  new Gauge({
    name: "profilehub_db_pool_connections",
    help: "Database connections by state (PGlite: one connection, in use while a query runs)",
    labelNames: ["state"],
    registers,
    collect() {
      const stats = metrics.sources?.poolStats();
      if (!stats) return;
      this.set({ state: "in_use" }, stats.inUse);
      this.set({ state: "idle" }, stats.idle);
      this.set({ state: "max" }, stats.size);
    },
  });
  new Gauge({
    name: "profilehub_db_pool_waiting",
    help: "Queries waiting for a database connection",
    registers,
    collect() {
      const stats = metrics.sources?.poolStats();
      if (stats) this.set(stats.waiting);
    },
  });
  new Gauge({
    name: "profilehub_outbox_depth",
    help: "Mails in the shared outbox by state: pending (still to send) or failed (given up after every retry)",
    labelNames: ["state"],
    registers,
    async collect() {
      if (!metrics.sources) return;
      const counts = await withTimeout(metrics.sources.outboxCounts(), SCRAPE_QUERY_TIMEOUT_MS).catch(() => null);
      if (!counts) return; // the database did not answer: keep the last values
      this.set({ state: "pending" }, counts.pending);
      this.set({ state: "failed" }, counts.failed);
    },
  });
  return metrics;
}

// One registry per process, shared by the HTTP server and every route bundle (hence globalThis).
const KEY = Symbol.for("profilehub.metrics");
type Holder = { [KEY]?: Metrics };

export function getMetrics(): Metrics {
  const holder = globalThis as Holder;
  holder[KEY] ??= createMetrics();
  return holder[KEY];
}

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/** Counts one answered request (unknown methods count as OTHER, to bound the labels). */
export function observeRequest(door: string, method: string, status: number, seconds: number): void {
  const metrics = getMetrics();
  metrics.httpRequests.inc({ door, method: METHODS.has(method) ? method : "OTHER", status: String(status) });
  metrics.httpDuration.observe({ door }, seconds);
}
