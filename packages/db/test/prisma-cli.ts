import { spawnSync } from "node:child_process";
import path from "node:path";

import { findRepoRoot } from "../src/paths";

export const repoRoot = findRepoRoot();

/** Runs the real Prisma CLI (no download: the WASM engine bridge), returning exit code and output. */
export function prisma(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  const result = spawnSync(process.execPath, [path.join(repoRoot, "node_modules/prisma/build/index.js"), ...args], {
    cwd: options.cwd ?? repoRoot,
    encoding: "utf8",
    env: {
      ...process.env,
      CHECKPOINT_DISABLE: "1",
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
      PRISMA_SCHEMA_ENGINE_BINARY: "",
      ...options.env,
    },
    timeout: 120_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}
