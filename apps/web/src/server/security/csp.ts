// Content Security Policies (README, "Security headers"). No Node imports: proxy.ts uses this too.

/** Joins `directive value…` pairs into one header value. */
const policy = (directives: Record<string, string>) =>
  Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`.trim())
    .join("; ");

/** A fresh nonce for one response: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * A page (HTML with scripts): scripts only with this response's nonce (Next.js puts it on its own
 * scripts, the layout on the theme script) and what they load ('strict-dynamic'); never inline
 * handlers or `eval` (development only: React's dev tools need it). Styles may be inline (React
 * renders `style` attributes; a nonce cannot cover those). Images: avatars are `data:` or https
 * URLs. Nothing may frame the page.
 */
export function pageCsp(nonce: string, options: { dev: boolean }): string {
  return policy({
    "default-src": "'self'",
    "script-src": `'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src": "'self' 'unsafe-inline'",
    "img-src": "'self' data: https:",
    "font-src": "'self' data:",
    "connect-src": options.dev ? "'self' ws: wss:" : "'self'",
    "worker-src": "'self' blob:",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
  });
}

/** Everything else (JSON, assets, redirects): nothing may run, load or frame it. */
export const LOCKED_DOWN_CSP = policy({
  "default-src": "'none'",
  "frame-ancestors": "'none'",
  "base-uri": "'none'",
  "form-action": "'none'",
});

/** A self-contained HTML page without scripts whose only inline style is `styleHash` ('sha256-…'). */
export function staticPageCsp(styleHash: string): string {
  return policy({
    "default-src": "'none'",
    "style-src": `'${styleHash}'`,
    "img-src": "'self' data:",
    "base-uri": "'none'",
    "form-action": "'none'",
    "frame-ancestors": "'none'",
  });
}
