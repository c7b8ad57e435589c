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

/** `/docs`: the rendered API reference of `/api/openapi.json`, served entirely from this app. */
export function GET(): Response {
  // Its scripts carry this response's nonce, as on every page (README, "Security headers").
  const nonce = newNonce();
  const response = ApiReference({ ...settings, nonce })();
  response.headers.set("content-security-policy", pageCsp(nonce, { dev: process.env.NODE_ENV === "development" }));
  return response;
}
