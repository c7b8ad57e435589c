import type { ErrorReason } from "@profilehub/validators";

import { RETRY_AFTER_SECONDS } from "./services/database/unavailable";

/**
 * The `Retry-After` (seconds) every door sends with a refusal: a limit's own wait for
 * `rate_limited` (429), the reconnect time for `unavailable` (503); `null` for anything else.
 */
export function retryAfterOf(error: { reason: ErrorReason | null; params: object }): number | null {
  if (error.reason === "unavailable") return RETRY_AFTER_SECONDS;
  if (error.reason !== "rate_limited") return null;
  const seconds = (error.params as { retryAfterSeconds?: unknown }).retryAfterSeconds;
  return typeof seconds === "number" && seconds > 0 ? Math.ceil(seconds) : 1;
}
