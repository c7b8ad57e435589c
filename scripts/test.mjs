#!/usr/bin/env node
// `npm test`: every vitest project, then one plain summary line `N passed, N failed`.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outDir = mkdtempSync(path.join(tmpdir(), "profilehub-test-"));
const report = path.join(outDir, "vitest.json");

// The end-to-end, CLI and browser tests serve the production build: make sure it is there and
// current first (a cache hit when nothing changed), rather than have several tests build at once.
// NODE_ENV as `npm start` sets it: turbo's cache key includes it.
const build = spawnSync(
  process.execPath,
  [path.join(root, "node_modules/turbo/bin/turbo"), "run", "build", "--output-logs=errors-only"],
  {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", TURBO_TELEMETRY_DISABLED: "1" },
  },
);
if (build.status !== 0) {
  console.log("0 passed, 1 failed");
  process.exit(1);
}

const result = spawnSync(
  process.execPath,
  [
    path.join(root, "node_modules/vitest/vitest.mjs"),
    "run",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${report}`,
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1" } },
);

let passed = 0;
let failed = 0;
try {
  const json = JSON.parse(readFileSync(report, "utf8"));
  passed = json.numPassedTests ?? 0;
  failed = (json.numFailedTests ?? 0) + (json.numTodoTests ?? 0) + (json.numPendingTests ?? 0);
  // A file that failed to load has no tests but must still count as a failure.
  failed += (json.testResults ?? []).filter(
    (file) => file.status === "failed" && file.assertionResults?.length === 0,
  ).length;
} catch {
  failed += 1;
}
rmSync(outDir, { recursive: true, force: true });
if (result.status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
