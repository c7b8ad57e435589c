/** Where to go after signing in: a path on this site only (never `//host` or a full URL). */
export function safeNext(value: string | string[] | undefined): string {
  const next = Array.isArray(value) ? value[0] : value;
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/settings";
  return next;
}
