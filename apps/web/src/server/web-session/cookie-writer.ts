import type { SessionCookieWriter } from "@profilehub/api";

import { serializeSessionCookie } from "./cookie";

/** Lets the router set or clear the session cookie on this response's headers. */
export function cookieWriter(headers: Headers, secure: boolean): SessionCookieWriter {
  return {
    set: (value, maxAgeSeconds) => headers.append("set-cookie", serializeSessionCookie(value, maxAgeSeconds, secure)),
    clear: () => headers.append("set-cookie", serializeSessionCookie("", 0, secure)),
  };
}
