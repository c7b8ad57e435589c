#!/usr/bin/env node
// Bundles the HTTP server around Next.js (src/server/node-server/main.ts) into dist/server.mjs,
// which `npm start` runs with plain Node. The workspace's TypeScript sources are bundled in; every
// npm package (next, pino, prom-client, zod, the schema engine's plain JavaScript) stays external,
// so the server and the app's route bundles share one copy of each at run time.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Bundle `@/…` and the workspace packages' TypeScript; leave everything else to Node. */
const externalPackages = {
  name: "external-packages",
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, (args) => {
      const bundled =
        args.path.startsWith("@/") ||
        (args.path.startsWith("@profilehub/") && args.path !== "@profilehub/db/schema-engine");
      return bundled ? undefined : { path: args.path, external: true };
    });
  },
};

await build({
  entryPoints: [path.join(appDir, "src/server/node-server/main.ts")],
  outfile: path.join(appDir, "dist/server.mjs"),
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  tsconfig: path.join(appDir, "tsconfig.json"),
  plugins: [externalPackages],
  sourcemap: "linked",
  logLevel: "warning",
});
