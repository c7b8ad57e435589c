/** How a call to a project's `validateUserUpdated` webhook ended. */
export type WebhookOutcome =
  "valid" | "rejected" | "timeout" | "unreachable" | "http_error" | "bad_signature" | "bad_reply";

/** How one outbox mail's delivery attempt ended. */
export type MailOutcome = "sent" | "retried" | "failed";

/**
 * What the router reports about its side effects (for metrics). The server installs one observer
 * per process; without one (tests, scripts) reporting does nothing.
 */
export interface TelemetryObserver {
  webhookCall(outcome: WebhookOutcome): void;
  /** A request refused by a rate limit; `kind` is the limit's name (e.g. `sign-in`). */
  rateLimitRefused(kind: string): void;
  mailDelivery(outcome: MailOutcome): void;
}

const KEY = Symbol.for("profilehub.telemetry");
type Holder = { [KEY]?: TelemetryObserver };

const NONE: TelemetryObserver = { webhookCall() {}, rateLimitRefused() {}, mailDelivery() {} };

/** Installs the process's observer (shared by every bundle of the process, hence globalThis). */
export function setTelemetryObserver(observer: TelemetryObserver | null): void {
  if (observer) (globalThis as Holder)[KEY] = observer;
  else delete (globalThis as Holder)[KEY];
}

export function telemetry(): TelemetryObserver {
  return (globalThis as Holder)[KEY] ?? NONE;
}
