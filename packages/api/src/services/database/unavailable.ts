import { isDatabaseUnavailable } from "@profilehub/db";
import { appError } from "../../errors";

/** What every door says, in its own shape, while the database cannot serve (with a 503). */
export const UNAVAILABLE_MESSAGE = "Service unavailable: the database cannot be reached";

/** The `Retry-After` (seconds) sent with every 503: connections are reopened within this time. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * `error` as a caller must see it: database trouble (unreachable, stalled, restarting — typed by
 * `@profilehub/db`) becomes the `unavailable` reason (503), anything else is returned unchanged.
 */
export function withDatabaseUnavailable(error: unknown): unknown {
  return isDatabaseUnavailable(error) ? appError("unavailable", UNAVAILABLE_MESSAGE) : error;
}
