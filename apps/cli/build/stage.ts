// Builds the publishable `profilehub` command in apps/cli/dist/package (what `npm run pack`
// packs): one ESM file for plain Node with the client and tRPC bundled in, so installing it
// (`npm install -g ./profilehub-cli-<version>.tgz`) needs nothing else.
import { chmodSync, copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";

const root = path.join(import.meta.dirname, "..");
const stage = path.join(root, "dist", "package");
const bin = path.join(stage, "bin", "profilehub.mjs");

const manifest = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
  name: string;
  version: string;
  description: string;
  license: string;
  engines: Record<string, string>;
};

rmSync(path.join(root, "dist"), { recursive: true, force: true });
mkdirSync(path.dirname(bin), { recursive: true });
await build({
  entryPoints: [path.join(root, "src", "main.ts")],
  outfile: bin,
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  banner: { js: "#!/usr/bin/env node" },
  legalComments: "eof",
  logLevel: "warning",
});
chmodSync(bin, 0o755);

writeFileSync(
  path.join(stage, "package.json"),
  `${JSON.stringify(
    {
      name: manifest.name,
      version: manifest.version,
      description: manifest.description,
      license: manifest.license,
      type: "module",
      bin: { profilehub: "bin/profilehub.mjs" },
      engines: manifest.engines,
    },
    null,
    2,
  )}\n`,
);
copyFileSync(path.join(root, "README.md"), path.join(stage, "README.md"));
console.log(`staged ${manifest.name}@${manifest.version} in ${path.relative(process.cwd(), stage)}`);
