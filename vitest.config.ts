import { fileURLToPath } from "node:url";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

const withPostgres = Boolean(process.env.TEST_DATABASE_URL);
const databases = withPostgres ? (["pglite", "postgres"] as const) : (["pglite"] as const);

/** A project that runs once per database kind (PGlite always, PostgreSQL with TEST_DATABASE_URL). */
const perDatabase = (name: string, include: string[]): TestProjectInlineConfiguration[] =>
  databases.map((kind) => ({
    extends: true as const,
    test: { name: `${name}:${kind}`, include, env: { TEST_DB_KIND: kind } },
  }));

export default defineConfig({
  resolve: {
    // The web app's `@/…` imports, for tests of its route handlers.
    alias: { "@": fileURLToPath(new URL("./apps/web/src", import.meta.url)) },
  },
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true as const, test: { name: "validators", include: ["packages/validators/test/**/*.test.ts"] } },
      // The Prisma CLI as child processes (WASM engine): up to ~30 s each on a loaded 2-core machine.
      {
        extends: true as const,
        test: { name: "db", include: ["packages/db/test/**/*.test.ts"], testTimeout: 120_000 },
      },
      ...perDatabase("api", ["packages/api/test/**/*.test.ts"]),
      // The router's suite once more on PostgreSQL as behind a pooler in transaction mode
      // (DATABASE_PREPARED_STATEMENTS=false: no named statements).
      ...(withPostgres
        ? [
            {
              extends: true as const,
              test: {
                name: "api:postgres-unprepared",
                include: ["packages/api/test/**/*.test.ts"],
                env: { TEST_DB_KIND: "postgres", TEST_DB_PREPARED_STATEMENTS: "false" },
              },
            },
          ]
        : []),
      ...perDatabase("dialects", ["apps/web/test/dialects/**/*.test.ts"]),
      // The server's operating parts in isolation: log lines, request ids, route patterns; and the
      // UI components' class names (their TSX compiled as Next does, not left as JSX).
      {
        extends: true as const,
        oxc: { jsx: { runtime: "automatic" } },
        test: { name: "ops", include: ["apps/web/test/ops/**/*.test.ts"] },
      },
      // The OpenAPI document as client generators and linters read it (no database).
      { extends: true as const, test: { name: "openapi", include: ["apps/web/test/openapi/**/*.test.ts"] } },
      // The typed client: type-level tests and its error handling (no database).
      { extends: true as const, test: { name: "client", include: ["packages/client/test/**/*.test.ts"] } },
      // The `profilehub` CLI as a child process against `npm start` (PGlite; builds if needed).
      { extends: true as const, test: { name: "cli", include: ["apps/cli/test/**/*.test.ts"] } },
      // Another app's view: the packed tarballs installed in a folder outside the workspaces (npm
      // registry through npm's cache), tsc --strict, plain Node, the CLI and a React page in
      // Chromium against `npm start`.
      {
        extends: true as const,
        test: {
          name: "outside-app",
          include: ["packages/client/outside-app/**/*.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 900_000,
          sequence: { groupOrder: 1 },
        },
      },
      // `npm start` end to end, on PGlite and (with TEST_DATABASE_URL) PostgreSQL.
      {
        extends: true as const,
        test: { name: "e2e", include: ["apps/web/test/e2e/**/*.test.ts"], sequence: { groupOrder: 1 } },
      },
      // Property-based fuzzing of every door against `npm start`, on PGlite and (with
      // TEST_DATABASE_URL) PostgreSQL: no 5xx, documented error shapes, request ids (≤ ~60 s each).
      {
        extends: true as const,
        test: {
          name: "fuzz",
          include: ["apps/web/test/fuzz/**/*.test.ts"],
          testTimeout: 240_000,
          hookTimeout: 300_000,
          sequence: { groupOrder: 1 },
        },
      },
      // Database faults: `npm start` on PostgreSQL behind a TCP proxy that cuts and stalls it (only
      // with TEST_DATABASE_URL: the embedded PGlite runs inside the server and cannot be cut off).
      ...(withPostgres
        ? [
            {
              extends: true as const,
              test: {
                name: "faults",
                include: ["apps/web/test/faults/**/*.test.ts"],
                sequence: { groupOrder: 1 },
              },
            },
          ]
        : []),
      // Browser tests: Debian's Chromium against `npm start` (production build); one server per
      // file, files one after another, after the other projects (they build and serve the app).
      {
        extends: true as const,
        test: {
          name: "browser",
          include: ["apps/web/test/browser/**/*.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
