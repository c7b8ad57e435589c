#!/usr/bin/env node
// The `profilehub` command: runs the TypeScript sources through tsx (no build step).
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

register({ tsconfig: fileURLToPath(new URL("../tsconfig.json", import.meta.url)) });
await import("../src/main.ts");
