/**
 * ./form-schemas (the account forms' zod schemas), outside the page's first load: fetched once the
 * page has hydrated (`preloadAccountSchemas`), so a form validates at once, offline too.
 */
export const accountSchemas = () => import("./form-schemas");

/** Fetches the schemas in the background (a failure is retried when a form validates). */
export function preloadAccountSchemas() {
  accountSchemas().catch(() => undefined);
}
