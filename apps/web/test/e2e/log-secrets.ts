/**
 * Every credential a test sends to or receives from a running server (passwords, tokens, keys,
 * cookies, hashes, secrets), so that the server's log can be checked for each of them.
 */
const SECRET_FIELD = /pass(word)?|token|secret|hash|totp|recovery[-_]?codes?|api[-_]?key/i;
const SECRET_HEADERS = [
  "authorization",
  "x-api-key",
  "cookie",
  "x-stack-access-token",
  "x-stack-refresh-token",
  "x-stack-secret-server-key",
];
/** Shorter values could match anything (a timestamp, a count). */
const MIN_LENGTH = 8;

export class SecretsSeen {
  private readonly values = new Set<string>();

  add(value: unknown): void {
    if (typeof value !== "string") return;
    const bare = value.replace(/^(Bearer|Basic)\s+/i, "").trim();
    if (bare.length >= MIN_LENGTH) this.values.add(bare);
  }

  /** Values of secret-looking fields, at any depth of a JSON value. */
  addFromJson(value: unknown): void {
    if (Array.isArray(value)) for (const item of value) this.addFromJson(item);
    else if (value && typeof value === "object") {
      for (const [key, item] of Object.entries(value)) {
        if (SECRET_FIELD.test(key)) for (const one of [item].flat()) this.add(one); // a list of codes, too
        this.addFromJson(item);
      }
    }
  }

  addFromRequest(url: string, headers: Record<string, string>, body: unknown): void {
    for (const name of SECRET_HEADERS) this.add(headers[name] ?? headers[name.toLowerCase()]);
    for (const [key, value] of new URL(url, "http://x").searchParams) if (SECRET_FIELD.test(key)) this.add(value);
    if (typeof body === "string") {
      try {
        this.addFromJson(JSON.parse(body));
      } catch {
        for (const [key, value] of new URLSearchParams(body)) if (SECRET_FIELD.test(key)) this.add(value);
      }
    } else this.addFromJson(body);
  }

  addFromResponse(headers: Headers, json: unknown): void {
    for (const cookie of headers.getSetCookie()) this.add(cookie.split(";")[0]?.split("=").slice(1).join("="));
    this.addFromJson(json);
  }

  /** The secrets that appear in `log` (shortened, so a failure does not print them whole). */
  foundIn(log: string): string[] {
    return [...this.values].filter((value) => log.includes(value)).map((value) => `${value.slice(0, 6)}…`);
  }

  get size(): number {
    return this.values.size;
  }
}
