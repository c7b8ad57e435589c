import type { Messages } from "@/i18n";
import { routerError } from "@/trpc/errors";

/** The browser knows it has no network (a failed call could still be the server being down). */
function isOffline(): boolean {
  return typeof navigator !== "undefined" && navigator.onLine === false;
}

/** A sentence for a failed call that has no field to attach to, from its reason (generic for an unknown one). */
export function failureMessage(
  error: unknown,
  t: Pick<Messages, "common">,
  refusal: (reason: string, params?: object) => string | null,
): string {
  const { reason, status, params } = routerError(error);
  if (reason === "rate_limited") return t.common.rateLimited;
  if (status === null) return isOffline() ? t.common.offline : t.common.networkError;
  if (status >= 500) return t.common.serverError(status);
  if (reason === null || reason === "internal") return t.common.genericError;
  // A reason this build does not know (a newer server's): the generic sentence.
  return refusal(reason, params) ?? t.common.genericError;
}
