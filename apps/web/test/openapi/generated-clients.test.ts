import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createConfig, lintFromString } from "@redocly/openapi-core";
import openapiTS, { astToString } from "openapi-typescript";
import ts from "typescript";
import { describe, expect, it } from "vitest";

import { buildOpenApiDocument } from "@/server/openapi/document";

const SERVER = "https://profiles.profilehub.test";
const document = buildOpenApiDocument(SERVER) as unknown as {
  servers: { url: string }[];
  paths: Record<string, Record<string, { operationId?: string; security?: unknown[] }>>;
};
const METHODS = new Set(["get", "put", "post", "patch", "delete"]);
const operations = Object.entries(document.paths).flatMap(([route, item]) =>
  Object.entries(item)
    .filter(([method]) => METHODS.has(method))
    .map(([method, operation]) => ({ route, method, operation })),
);

// Inside the repository, so that the generated client resolves `openapi-fetch` from node_modules.
const workDir = path.resolve(import.meta.dirname, "../../../../node_modules/.cache/profilehub-openapi");

/** Type-checks one client file against the generated types (tsc --strict); the problems, as text. */
function typeCheck(name: string, source: string): string[] {
  const file = path.join(workDir, name);
  writeFileSync(file, source);
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    skipLibCheck: true,
  });
  return ts
    .getPreEmitDiagnostics(program)
    .map((problem) => `${problem.start ?? ""} ${ts.flattenDiagnosticMessageText(problem.messageText, "\n")}`);
}

const CLIENT = (body: string) => `
import createClient from "openapi-fetch";
import type { paths } from "./schema.js";
const client = createClient<paths>({ baseUrl: "${SERVER}" });
export async function use(): Promise<void> {
${body}
}
`;

describe("the OpenAPI document, as client generators use it", () => {
  it("names a server, and every operation has an operationId and its security", () => {
    expect(document.servers).toEqual([{ url: SERVER, description: expect.any(String) }]);
    expect(operations.length).toBeGreaterThan(15);
    const ids = operations.map(({ operation }) => operation.operationId);
    expect(ids.every((id) => typeof id === "string" && /^[a-z][A-Za-z0-9]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(operations.filter(({ operation }) => !Array.isArray(operation.security))).toEqual([]);
  });

  it("passes Redocly's recommended rules with no error and no warning", async () => {
    const results = await lintFromString({
      source: JSON.stringify(document),
      absoluteRef: path.join(workDir, "openapi.json"),
      config: await createConfig({ extends: ["recommended"] }),
    });
    expect(results.map((problem) => `${problem.ruleId}: ${problem.message}`)).toEqual([]);
  });

  it("openapi-typescript + openapi-fetch: metadata bodies type-check without casts; wrong types do not", async () => {
    mkdirSync(workDir, { recursive: true });
    const types = astToString(await openapiTS(JSON.stringify(document)));
    writeFileSync(path.join(workDir, "schema.d.ts"), types);
    const good = typeCheck(
      "good.ts",
      CLIENT(`
  await client.PUT("/api/v3/auth/user", { body: { data: { name: "Ada", nested: { list: [1, "x", null, true] } } } });
  await client.PUT("/api/v3/auth/user", { body: { metadata: { theme: null } } });
  await client.PATCH("/{projectId}/users/{userId}", {
    params: { path: { projectId: "default", userId: "u" } },
    body: { update: { name: "Ada", metadata: { plan: "pro", tags: ["a"] } } },
  });
  await client.PATCH("/api/v1/users/me", {
    params: { header: { "x-stack-access-type": "client", "x-stack-project-id": "default" } },
    body: { display_name: "Ada", client_metadata: { deep: { er: [{ x: 1 }] } } },
  });
  const { data } = await client.GET("/api/v3/auth/user");
  const metadata: unknown = data?.data.userMetadata;
  void metadata;`),
    );
    expect(good).toEqual([]);
    const bad = typeCheck(
      "bad.ts",
      CLIENT(`
  await client.PUT("/api/v3/auth/user", { body: { data: 5 } });
  await client.PATCH("/api/v1/users/me", {
    params: { header: { "x-stack-access-type": "client", "x-stack-project-id": "default" } },
    body: { display_name: 42 },
  });`),
    );
    expect(bad, bad.join("\n")).toHaveLength(2);
  });
});
