/** Header the settings app sends on every call; an HTML form or a cross-site page cannot. */
export const CSRF_HEADER = "x-profilehub-csrf";

/**
 * Whether a cookie-authenticated request really comes from this app's own pages: it carries the
 * custom header (which forms cannot send, and cross-origin scripts cannot without a CORS
 * preflight this route never grants), and its Origin, when present, is this site's.
 */
export function passesCsrfCheck(request: Request, appUrl: string): boolean {
  if (request.headers.get(CSRF_HEADER) !== "1") return false;
  const origin = request.headers.get("origin");
  if (!origin) return true;
  const allowed = new Set([new URL(appUrl).origin, new URL(request.url).origin]);
  const host = request.headers.get("host");
  if (host) allowed.add(`${new URL(request.url).protocol}//${host}`);
  return allowed.has(origin);
}
