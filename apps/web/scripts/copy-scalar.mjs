#!/usr/bin/env node
// The API reference page (/docs) loads Scalar's standalone bundle from this app, never from a CDN:
// copy it from node_modules into public/ before building (or serving in development).
import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// The package's exports map hides its files: find its folder the way Node's lookup would.
const packageDir = [appDir, path.resolve(appDir, "../..")]
  .map((dir) => path.join(dir, "node_modules", "@scalar", "api-reference"))
  .find((dir) => existsSync(path.join(dir, "dist", "browser", "standalone.js")));
if (!packageDir) throw new Error("@scalar/api-reference is not installed: run npm install");
const target = path.join(appDir, "public", "scalar");
mkdirSync(target, { recursive: true });
copyFileSync(path.join(packageDir, "dist", "browser", "standalone.js"), path.join(target, "standalone.js"));
