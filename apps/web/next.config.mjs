// @ts-check
// JavaScript, not TypeScript: a `next.config.ts` makes `next start` load SWC (~24 MB resident) only
// to transpile this file (docs/performance.md).

/** @type {import("next").NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The build checks the app; tests are checked by `npm run typecheck`.
  typescript: { tsconfigPath: "tsconfig.build.json" },
  reactStrictMode: true,
  // `npm run dev` serves on localhost; a browser on http://127.0.0.1 (the same machine) would
  // otherwise have its dev resources and live-reload socket refused as cross-site, and the page
  // would never hydrate. Development only; `npm start` does not read it.
  allowedDevOrigins: ["127.0.0.1"],
  turbopack: {
    resolveAlias: {
      // The browser's `next/dynamic` (which Turbopack resolves to this module of Next's) without its
      // server-only parts (src/lib/next-dynamic-browser.tsx).
      "next/dist/shared/lib/app-dynamic": { browser: "./src/lib/next-dynamic-browser.tsx" },
    },
  },
  // Workspace packages ship TypeScript sources.
  transpilePackages: ["@profilehub/api", "@profilehub/db", "@profilehub/validators"],
  // Loaded by Node at run time rather than bundled: native addons, WASM and files beside the code.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/adapter-pg",
    "@prisma/client",
    "@prisma/driver-adapter-utils",
    "@node-rs/argon2",
    "bcryptjs",
    "nodemailer",
    "pg",
  ],
};

export default nextConfig;
