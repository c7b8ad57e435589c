import { ApiReference } from "@scalar/nextjs-api-reference";

import { newNonce, pageCsp } from "@/server/security/csp";

const settings = {
  url: "/api/openapi.json",
  pageTitle: "ProfileHub API reference",
  cdn: "/scalar/standalone.js",
  withDefaultFonts: false,
  agent: { disabled: true },
  hideClientButton: true,
  showDeveloperTools: "never",
  mcp: { disabled: true },
  telemetry: false,
} as const;

/** Scalar bundles Zod 4, which probes `new Function` (a CSP violation here) unless told not to. */
const ZOD_JITLESS = "globalThis.__zod_globalConfig={...globalThis.__zod_globalConfig,jitless:true}";

/** `/docs`: the rendered API reference of `/api/openapi.json`, served entirely from this app. */
export async function GET(): Promise<Response> {
  // Its scripts carry this response's nonce, as on every page (README, "Security headers").
  const nonce = newNonce();
  const page = await ApiReference({ ...settings, nonce })().text();
  const html = page.replace("</head>", `<script nonce="${nonce}">${ZOD_JITLESS}</script></head>`);
  return new Response(html, {
    headers: {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": pageCsp(nonce, { dev: process.env.NODE_ENV === "development" }),
    },
  });
}
