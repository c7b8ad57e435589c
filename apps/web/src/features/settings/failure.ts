import type { Messages } from "@/i18n";
import { routerError } from "@/trpc/errors";

/** A sentence for a failed call that has no field to attach to. */
export function failureMessage(error: unknown, t: Messages, issue: (message: string) => string): string {
  const { reason, status, message } = routerError(error);
  if (reason === "rate_limited") return t.common.rateLimited;
  if (status === null) return t.common.networkError;
  if (reason === "internal" || status >= 500) return t.common.genericError;
  return issue(message);
}
