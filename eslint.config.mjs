// Typed ESLint for the whole monorepo (flat config).
import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import simpleImportSort from "eslint-plugin-simple-import-sort";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/.next/**",
      "**/.turbo/**",
      "**/dist/**",
      "packs/**",
      // An outside app's files (type-checked by its own tsconfig, some with deliberate errors).
      "packages/client/outside-app/fixture/**",
      "packages/db/src/generated/**",
      "apps/web/next-env.d.ts",
      "apps/web/public/scalar/**",
      ".data/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/only-throw-error": "off",
      "no-console": "off",
    },
  },
  {
    // Plain JavaScript (scripts, the schema-engine bridge): no type information.
    files: ["**/*.mjs", "**/*.js"],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: globals.node,
    },
  },
  {
    // Tests read loosely typed JSON responses.
    files: ["**/test/**/*.ts"],
    rules: {
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unsafe-return": "off",
    },
  },
  {
    // Import order: packages first, then the app's own (`@/…`), then relative; sorted within each.
    plugins: { "simple-import-sort": simpleImportSort },
    rules: {
      "simple-import-sort/imports": ["error", { groups: [["^\\u0000"], ["^node:", "^@?\\w"], ["^@/"], ["^\\."]] }],
    },
  },
  {
    // Guard rails. Configuration is read from the environment in one place per process (validated
    // there), never ad hoc; the web app reaches the database only through the router, except for
    // the server's own plumbing (runtime, start-up, readiness and metrics).
    files: ["apps/*/src/**/*.{ts,tsx}", "packages/*/src/**/*.{ts,tsx}"],
    ignores: [
      "packages/api/src/config/**",
      "packages/db/src/**",
      "apps/web/src/server/node-server/main.ts",
      "apps/web/src/server/runtime.ts",
      "apps/web/src/instrumentation.ts",
      // The benchmark's switch for its floor routes (set by `npm run bench` only).
      "apps/web/src/server/bench/enabled.ts",
      // NODE_ENV only, inlined by Next at build time (development CSP).
      "apps/web/src/proxy.ts",
      "apps/web/src/app/docs/route.ts",
      "apps/cli/src/**",
    ],
    rules: {
      "no-restricted-properties": [
        "error",
        {
          object: "process",
          property: "env",
          message: "Read configuration in packages/api/src/config (validated), not process.env.",
        },
      ],
    },
  },
  {
    files: ["apps/web/src/**/*.{ts,tsx}"],
    ignores: ["apps/web/src/server/runtime.ts", "apps/web/src/server/node-server/**", "apps/web/src/server/ops/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@profilehub/db", "@profilehub/db/*"],
              message: "The web app calls the router; only the server's plumbing opens the database.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["apps/web/**/*.{ts,tsx}"],
    plugins: { "@next/next": nextPlugin },
    settings: { next: { rootDir: "apps/web/" } },
    rules: { ...nextPlugin.configs.recommended.rules, ...nextPlugin.configs["core-web-vitals"].rules },
  },
);
