import { currentRequest } from "../ops/request-context";

/** The browser session: `<sessionId>.<secret>`, httpOnly, SameSite=Lax, Secure over https. */
export const SESSION_COOKIE = "ph_session";

/**
 * Secure when the app is served over https: APP_URL, or a trusted proxy's `X-Forwarded-Proto`
 * (as the HTTP server read it with `TRUST_PROXY`; the header itself is never trusted here).
 */
export function isSecureRequest(appUrl: string): boolean {
  return appUrl.startsWith("https:") || currentRequest()?.https === true;
}

export function serializeSessionCookie(value: string, maxAgeSeconds: number, secure: boolean): string {
  return [
    `${SESSION_COOKIE}=${value}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${maxAgeSeconds}`,
    ...(secure ? ["Secure"] : []),
  ].join("; ");
}

/** The session cookie of a request, if any. */
export function readSessionCookie(request: Request): string | null {
  const header = request.headers.get("cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === SESSION_COOKIE) return rest.join("=") || null;
  }
  return null;
}
