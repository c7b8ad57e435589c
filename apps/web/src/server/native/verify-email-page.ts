const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/** A small self-contained page for the mailed verification link. */
export function verifyEmailPage(result: { ok: boolean; message: string }, status: number): Response {
  const title = result.ok ? "Email verified" : "This link cannot be used";
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · ProfileHub</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;line-height:1.5}
a{color:#2563eb}@media (prefers-color-scheme:dark){body{background:#0b0d12;color:#e5e7eb}a{color:#93c5fd}}</style></head>
<body><main><h1 data-testid="verify-title">${title}</h1><p data-testid="verify-message">${escapeHtml(result.message)}</p>
<p><a href="/settings">Go to your settings</a></p></main></body></html>`;
  return new Response(html, { status, headers: { "content-type": "text/html; charset=utf-8" } });
}
