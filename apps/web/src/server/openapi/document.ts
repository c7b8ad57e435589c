import { createDocument } from "zod-openapi";

import { authUserPaths } from "@/dialects/a-auth-user/openapi";
import { projectUserPaths } from "@/dialects/b-project-users/openapi";
import { formJsonPaths } from "@/dialects/c-form-json/openapi";
import { currentUserPaths } from "@/dialects/d-current-user/openapi";
import { usersByIdPaths } from "@/dialects/e-users-by-id/openapi";

import { finishDocument } from "./finish";
import { nativePaths } from "./native-paths";

const TAGS = [
  { name: "Accounts", description: "Sign up, tokens, sign out and mailed links (DESIGN §4)" },
  { name: "Admin (server key)", description: "Projects, suspensions, teams and the mail outbox, with `x-api-key`" },
  { name: "A — auth user (seed 000)", description: "Supabase-style envelope `{data, success, errno, error}`" },
  { name: "B — project users (seed 001)", description: "Replyke-style `{update: {…}}`, with the project's webhook" },
  { name: "C — form json update (seed 002)", description: "A form field `json` holding the changes" },
  { name: "D — current user (seed 003)", description: "Stack Auth headers and known errors" },
  { name: "E — users by id (seed 004)", description: "Rails-style `{user: {…}}` and 422 `errors[]`" },
];

/**
 * The OpenAPI 3.1 document of every REST route, generated from the zod schemas that validate them,
 * served from `serverUrl` (the app's public URL).
 */
export function buildOpenApiDocument(serverUrl: string): ReturnType<typeof createDocument> {
  const document = createDocument({
    openapi: "3.1.0",
    info: {
      title: "ProfileHub",
      version: "0.1.0",
      license: { name: "MIT", identifier: "MIT" },
      description:
        "Self-hostable user profiles. Native endpoints (accounts, admin) and five documented “update user” REST dialects, all on one router. The typed API lives at `/api/trpc`.",
    },
    servers: [{ url: serverUrl, description: "This ProfileHub (APP_URL)" }],
    tags: TAGS,
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT" },
        serverKey: { type: "apiKey", in: "header", name: "x-api-key" },
        stackAccessToken: { type: "apiKey", in: "header", name: "x-stack-access-token" },
        stackServerKey: { type: "apiKey", in: "header", name: "x-stack-secret-server-key" },
      },
    },
    paths: {
      ...nativePaths,
      ...authUserPaths,
      ...projectUserPaths,
      ...formJsonPaths,
      ...currentUserPaths,
      ...usersByIdPaths,
    },
  });
  return finishDocument(document);
}
