#!/usr/bin/env node
// `npm run pack [-- --out DIR]`: the installable tarballs of @profilehub/client and the
// `profilehub` CLI (default folder: packs/). Each package builds its publishable folder in
// <package>/dist/package (compiled JavaScript, bundled declarations, a manifest without
// workspace links: see its build/stage.ts), then `npm pack` packs that folder.
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({ options: { out: { type: "string" }, json: { type: "boolean" } } });
const out = path.resolve(values.out ?? path.join(root, "packs"));
const PACKAGES = ["packages/client", "apps/cli"];

mkdirSync(out, { recursive: true });
const packed = [];
for (const folder of PACKAGES) {
  const stage = spawnSync(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "build/stage.ts"], {
    cwd: path.join(root, folder),
    // Progress goes to stderr: stdout is for the summary (or --json).
    stdio: ["ignore", 2, 2],
  });
  if (stage.status !== 0) {
    console.error(`pack: building ${folder} failed`);
    process.exit(1);
  }
  // npm's own environment (from `npm run`) would point it at this workspace: drop it.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
  const pack = spawnSync("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", out], {
    cwd: path.join(root, folder, "dist", "package"),
    encoding: "utf8",
    env,
  });
  if (pack.status !== 0) {
    console.error(`pack: npm pack of ${folder} failed:\n${pack.stderr}`);
    process.exit(1);
  }
  const [info] = JSON.parse(pack.stdout);
  packed.push({ ...info, tarball: path.join(out, info.filename) });
}

if (values.json) {
  console.log(JSON.stringify(packed, null, 2));
} else {
  for (const info of packed) {
    console.log(`\n${info.tarball}  (${info.size} bytes packed, ${info.unpackedSize} unpacked)`);
    for (const file of info.files) console.log(`  ${String(file.size).padStart(7)}  ${file.path}`);
  }
}
