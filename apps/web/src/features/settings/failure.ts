import type { ErrorReason } from "@profilehub/validators";
import type { Messages } from "@/i18n";
import { routerError } from "@/trpc/errors";

/** A sentence for a failed call that has no field to attach to, from its reason. */
export function failureMessage(
  error: unknown,
  t: Messages,
  refusal: (reason: ErrorReason, params?: object) => string,
): string {
  const { reason, status, params } = routerError(error);
  if (reason === "rate_limited") return t.common.rateLimited;
  if (status === null) return t.common.networkError;
  if (reason === null || reason === "internal" || status >= 500) return t.common.genericError;
  return refusal(reason, params);
}
