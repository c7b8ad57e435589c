/**
 * ./form-schemas (the profile forms' zod schemas), outside the page's first load: fetched once the
 * page has hydrated (`preloadFormSchemas`), so a form validates at once, offline too.
 */
export const formSchemas = () => import("./form-schemas");

/** Fetches the schemas in the background (a failure is retried when a form validates). */
export function preloadFormSchemas() {
  formSchemas().catch(() => undefined);
}
