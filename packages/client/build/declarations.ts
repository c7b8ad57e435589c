import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { format } from "prettier";
import { rollup } from "rollup";
import { dts } from "rollup-plugin-dts";
import ts from "typescript";

import { clientProgram, routerDeclarations } from "./router-declarations";
import { verifyRouterDeclarations } from "./verify-router";

const SRC = path.join(import.meta.dirname, "..", "src");

/**
 * Self-contained declarations of the entry points (`index.d.ts`, `react.d.ts`, a shared chunk):
 * the client's own declarations with the router's types inlined from the generated file, so the
 * only imports left are of the peer packages (`@trpc/*`, `@tanstack/react-query`, `react`).
 */
export async function buildDeclarations(entries: string[], outDir: string, workDir: string, external: string[]) {
  const router = path.join(workDir, "profilehub-api.d.ts");
  const { text, procedures } = routerDeclarations();
  writeFileSync(router, await format(text, { parser: "typescript", printWidth: 100 }));
  verifyRouterDeclarations(router, procedures, workDir);

  writeVersionDeclarations(path.join(workDir, "api-version.d.ts"));
  // The client's declarations, compiled against the generated router instead of the server.
  const emitted = path.join(workDir, "declarations");
  const program = clientProgram(
    entries.map((entry) => path.join(SRC, `${entry}.ts`)),
    {
      noEmit: false,
      declaration: true,
      emitDeclarationOnly: true,
      allowImportingTsExtensions: false,
      rootDir: SRC,
      outDir: emitted,
      paths: {
        "@profilehub/api": [router],
        "@profilehub/validators": [router],
        "@profilehub/api/version": [path.join(workDir, "api-version.d.ts")],
      },
    },
  );
  const result = program.emit();
  const problems = [...ts.getPreEmitDiagnostics(program), ...result.diagnostics];
  if (problems.length > 0) {
    throw new Error(
      ts.formatDiagnostics(problems, {
        getCanonicalFileName: (name) => name,
        getCurrentDirectory: () => workDir,
        getNewLine: () => "\n",
      }),
    );
  }

  const bundle = await rollup({
    input: Object.fromEntries(entries.map((entry) => [entry, path.join(emitted, `${entry}.d.ts`)])),
    external: (id) => external.some((name) => id === name || id.startsWith(`${name}/`)),
    plugins: [
      {
        name: "profilehub-api-types",
        resolveId: (id) => (id === "@profilehub/api" || id === "@profilehub/validators" ? router : null),
      },
      dts({ respectExternal: false }),
    ],
    onwarn(warning) {
      throw new Error(`rollup: ${warning.message}`);
    },
  });
  mkdirSync(outDir, { recursive: true });
  await bundle.write({
    dir: outDir,
    format: "es",
    entryFileNames: "[name].d.ts",
    chunkFileNames: "shared-[hash].d.ts",
  });
  await bundle.close();
}

/** `@profilehub/api/version` as declarations (constants only), for the compilation above. */
function writeVersionDeclarations(file: string) {
  const source = ts.sys.readFile(path.join(SRC, "..", "..", "api", "src", "api-version.ts"));
  if (source === undefined) throw new Error("Cannot read packages/api/src/api-version.ts");
  const { outputText, diagnostics } = ts.transpileDeclaration(source, { fileName: "api-version.ts" });
  if (diagnostics?.length) throw new Error("api-version.ts must have explicit types (isolated declarations)");
  writeFileSync(file, outputText);
}
