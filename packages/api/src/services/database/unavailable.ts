import { isDatabaseUnavailable } from "@profilehub/db";

import { appError } from "../../errors";

/** The `Retry-After` (seconds) sent with every 503: connections are reopened within this time. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * `error` as a caller must see it: database trouble (unreachable, stalled, restarting — typed by
 * `@profilehub/db`) becomes the `unavailable` reason (503), anything else is returned unchanged.
 */
export function withDatabaseUnavailable(error: unknown): unknown {
  return isDatabaseUnavailable(error) ? appError("unavailable") : error;
}
