import { createDocument } from "zod-openapi";
import { authUserPaths } from "@/dialects/a-auth-user/openapi";
import { projectUserPaths } from "@/dialects/b-project-users/openapi";
import { formJsonPaths } from "@/dialects/c-form-json/openapi";
import { currentUserPaths } from "@/dialects/d-current-user/openapi";
import { usersByIdPaths } from "@/dialects/e-users-by-id/openapi";
import { nativePaths } from "./native-paths";

/** The OpenAPI 3.1 document of every REST route, generated from the zod schemas that validate them. */
export function buildOpenApiDocument(): ReturnType<typeof createDocument> {
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "ProfileHub",
      version: "0.1.0",
      description:
        "Self-hostable user profiles. Native endpoints (accounts, admin) and five documented “update user” REST dialects, all on one router. The typed API lives at `/api/trpc`.",
    },
    tags: [{ name: "Accounts" }, { name: "Admin (server key)" }, { name: "A — auth user (seed 000)" }],
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT" },
        serverKey: { type: "apiKey", in: "header", name: "x-api-key" },
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
}
