import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type * as StackJs from "@stackframe/js";
import type * as StackShared from "@stackframe/stack-shared";

type Sdk = typeof StackJs;
type Shared = typeof StackShared;

/** One installed release of Stack Auth's SDK, with the KnownErrors classes of its own stack-shared. */
export interface StackSdk {
  version: string;
  StackClientApp: Sdk["StackClientApp"];
  StackServerApp: Sdk["StackServerApp"];
  KnownErrors: Shared["KnownErrors"];
}

const require = createRequire(import.meta.url);

/**
 * Loads a release as Node's `require` does: the SDK and the stack-shared it resolves itself (so
 * `instanceof` tests against the classes it really throws). 2.8.102 is installed as the alias
 * `@stackframe/js-2.8.102`, with its own stack-shared nested under it.
 */
function load(packageName: string): StackSdk {
  const main = require.resolve(packageName);
  const own = createRequire(main);
  const sdk = own(main) as Sdk;
  const shared = own("@stackframe/stack-shared") as Shared;
  // main is dist/index.js; the package's manifest is not in its exports map.
  const manifest = path.resolve(path.dirname(main), "..", "package.json");
  const { version } = JSON.parse(readFileSync(manifest, "utf8")) as { version: string };
  return {
    version,
    StackClientApp: sdk.StackClientApp,
    StackServerApp: sdk.StackServerApp,
    KnownErrors: shared.KnownErrors,
  };
}

/** Both generations: 2.8.108 sends `x-hexclave-*` headers, 2.8.102 `x-stack-*`. */
export const STACK_SDKS: StackSdk[] = [load("@stackframe/js"), load("@stackframe/js-2.8.102")];
