// Builds the publishable package in packages/client/dist/package (what `npm run pack` packs):
// ESM JavaScript, self-contained declarations, README and a manifest without workspace links.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";

import { buildDeclarations } from "./declarations";

const root = path.join(import.meta.dirname, "..");
const dist = path.join(root, "dist");
const stage = path.join(dist, "package");
const work = path.join(dist, "work");
const ENTRIES = ["index", "react"];

interface Manifest {
  name: string;
  version: string;
  description: string;
  license: string;
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
  peerDependenciesMeta: Record<string, { optional: boolean }>;
}
const manifest = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as Manifest;
/** Everything the published code may import: its dependency and its peers. */
const external = [...Object.keys(manifest.dependencies), ...Object.keys(manifest.peerDependencies)];

rmSync(dist, { recursive: true, force: true });
mkdirSync(work, { recursive: true });

await buildDeclarations(ENTRIES, stage, work, external);
await build({
  entryPoints: Object.fromEntries(ENTRIES.map((entry) => [entry, path.join(root, "src", `${entry}.ts`)])),
  outdir: stage,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "neutral",
  target: "es2022",
  external,
  chunkNames: "shared-[hash]",
  logLevel: "warning",
});

writeFileSync(
  path.join(stage, "package.json"),
  `${JSON.stringify(
    {
      name: manifest.name,
      version: manifest.version,
      description: manifest.description,
      license: manifest.license,
      type: "module",
      sideEffects: false,
      types: "./index.d.ts",
      exports: {
        ...Object.fromEntries(
          ENTRIES.map((entry) => [
            entry === "index" ? "." : `./${entry}`,
            { types: `./${entry}.d.ts`, import: `./${entry}.js` },
          ]),
        ),
        "./package.json": "./package.json",
      },
      engines: { node: ">=20" },
      dependencies: manifest.dependencies,
      peerDependencies: manifest.peerDependencies,
      peerDependenciesMeta: manifest.peerDependenciesMeta,
    },
    null,
    2,
  )}\n`,
);
copyFileSync(path.join(root, "README.md"), path.join(stage, "README.md"));
rmSync(work, { recursive: true, force: true });
console.log(`staged ${manifest.name}@${manifest.version} in ${path.relative(process.cwd(), stage)}`);
