import { createHash } from "node:crypto";
import type { Locale } from "@profilehub/validators";

import { localeFromAcceptLanguage, messagesFor } from "@/i18n";
import { problemText, refusalText } from "@/i18n/problems";

import type { ErrorInfo } from "../http/error-info";
import { staticPageCsp } from "../security/csp";

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

export type VerifyEmailResult = { ok: true; email: string } | { ok: false; error: ErrorInfo };

/** Why the link did not work, in the page's language: its problem if it has one, else its reason. */
function failureText(error: ErrorInfo, locale: Locale): string {
  const [issue] = error.issues;
  return issue ? problemText(issue, locale) : refusalText(error.reason, error.params, locale);
}

// The app's palette (globals.css), light and dark, for a page served without the app's CSS bundle.
const STYLE = `:root{color-scheme:light dark;--bg:oklch(0.985 0.002 264);--fg:oklch(0.21 0.02 264);--card:#fff;
--muted:oklch(0.47 0.02 264);--border:oklch(0.91 0.006 264);--primary:oklch(0.5 0.2 277);--on-primary:#fff}
@media (prefers-color-scheme:dark){:root{--bg:oklch(0.16 0.01 264);--fg:oklch(0.95 0.005 264);--card:oklch(0.2 0.012 264);
--muted:oklch(0.74 0.015 264);--border:oklch(0.3 0.012 264);--primary:oklch(0.72 0.15 277);--on-primary:oklch(0.18 0.03 277)}}
body{margin:0;min-height:100dvh;display:grid;place-items:center;background:var(--bg);color:var(--fg);
font-family:ui-sans-serif,system-ui,sans-serif;line-height:1.5;padding:1rem;box-sizing:border-box}
main{width:100%;max-width:28rem;background:var(--card);border:1px solid var(--border);border-radius:.75rem;padding:2rem}
.brand{font-weight:600;color:var(--muted);margin:0 0 1rem}h1{font-size:1.375rem;margin:0 0 .5rem}p{margin:0 0 1.5rem}
a.button{display:inline-block;background:var(--primary);color:var(--on-primary);text-decoration:none;font-weight:500;
padding:.5rem 1rem;border-radius:.5rem}a.button:focus-visible{outline:3px solid var(--primary);outline-offset:2px}`;

// No script at all; the one inline style is allowed by its hash.
const CSP = staticPageCsp(`sha256-${createHash("sha256").update(STYLE).digest("base64")}`);

/**
 * The page the mailed verification link opens: in the browser's language (Accept-Language, as
 * the other pages seen before signing in), self-contained, in the app's colours.
 */
export function verifyEmailPage(result: VerifyEmailResult, status: number, acceptLanguage: string | null): Response {
  const locale: Locale = localeFromAcceptLanguage(acceptLanguage);
  const t = messagesFor(locale).verifyEmail;
  const title = result.ok ? t.verified : t.failed;
  const message = result.ok ? t.verifiedMessage(result.email) : failureText(result.error, locale);
  const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · ProfileHub</title><style>${STYLE}</style></head>
<body><main><p class="brand">ProfileHub</p><h1 data-testid="verify-title">${escapeHtml(title)}</h1>
<p data-testid="verify-message">${escapeHtml(message)}</p>
<a class="button" href="/settings">${escapeHtml(t.goToSettings)}</a></main></body></html>`;
  return new Response(html, {
    status,
    headers: { "content-type": "text/html; charset=utf-8", "content-language": locale, "content-security-policy": CSP },
  });
}
