import { LOCKED_DOWN_CSP } from "./csp";

/** Powerful browser features the app never uses are off; "Use my location" needs geolocation. */
export const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "camera=()",
  "display-capture=()",
  "geolocation=(self)",
  "gyroscope=()",
  "magnetometer=()",
  "microphone=()",
  "midi=()",
  "payment=()",
  "usb=()",
].join(", ");

/** Two years, subdomains included (what the HSTS preload list asks for). */
export const HSTS = "max-age=63072000; includeSubDomains";

/**
 * The headers every response carries, whatever answers it — pages, API doors, assets, 404s
 * (DESIGN §4). A response may set its own value of any of them (pages and /docs set their CSP
 * with a nonce); these fill in what it did not. HSTS only over https: browsers ignore it on
 * plain http, and a development server on localhost must not pin https.
 */
export function securityHeaders(options: { https: boolean }): Record<string, string> {
  return {
    "content-security-policy": LOCKED_DOWN_CSP,
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "permissions-policy": PERMISSIONS_POLICY,
    ...(options.https ? { "strict-transport-security": HSTS } : {}),
  };
}
