import { type ErrorReason, type Issue, type Locale, renderProblem, renderReason } from "@profilehub/validators";

/**
 * Problems and refusals in a language, from their codes and params (the wording lives with the
 * codes, in @profilehub/validators' problem catalog — English and French), for server-rendered
 * pages; the browser's `useI18n()` renders with its page's language only.
 */
export function problemText(issue: Pick<Issue, "path" | "code" | "params">, locale: Locale): string {
  return renderProblem(issue, locale);
}

export function refusalText(reason: ErrorReason, params: object | undefined, locale: Locale): string {
  return renderReason(reason, params, locale);
}
