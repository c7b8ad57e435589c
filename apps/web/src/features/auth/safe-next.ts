const FALLBACK = "/settings";
const BASE = "http://profilehub.invalid";

/**
 * Where to go after signing in: a path on this site only. Never `//host`, `/\\host`, a full URL,
 * or a path with control characters (browsers drop tabs and newlines, so `/\t/host` is `//host`).
 */
export function safeNext(value: string | string[] | undefined): string {
  const next = Array.isArray(value) ? value[0] : value;
  // eslint-disable-next-line no-control-regex
  if (!next || !next.startsWith("/") || /[\\\u0000-\u001f\u007f]/.test(next)) return FALLBACK;
  try {
    const url = new URL(next, BASE);
    return url.origin === BASE ? `${url.pathname}${url.search}${url.hash}` : FALLBACK;
  } catch {
    return FALLBACK;
  }
}
