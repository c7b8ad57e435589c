import { ApiReference } from "@scalar/nextjs-api-reference";

/** `/docs`: the rendered API reference of `/api/openapi.json`, served entirely from this app. */
export const GET = ApiReference({
  url: "/api/openapi.json",
  pageTitle: "ProfileHub API reference",
  cdn: "/scalar/standalone.js",
  withDefaultFonts: false,
  agent: { disabled: true },
  hideClientButton: true,
  showDeveloperTools: "never",
  mcp: { disabled: true },
  telemetry: false,
});
