import { writeFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

import { clientProgram } from "./router-declarations";

/**
 * Proves the generated router declarations say exactly what the server's router says: every
 * procedure's input and output (as a client sees them) and the error shape are mutually
 * identical types. Throws with the compiler's messages otherwise.
 */
export function verifyRouterDeclarations(generatedFile: string, procedures: string[], workDir: string): void {
  const check = path.join(workDir, "verify-router.ts");
  const generated = `./${path.relative(workDir, generatedFile).replace(/\.d\.ts$/, "")}`;
  writeFileSync(
    check,
    `import type { inferRouterError, inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter as Server, ErrorReason as ServerReason } from "@profilehub/api";
import type { AppRouter as Published, ErrorReason as PublishedReason } from "${generated}";

type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type In = [inferRouterInputs<Published>, inferRouterInputs<Server>];
type Out = [inferRouterOutputs<Published>, inferRouterOutputs<Server>];
export const inputs: Same<In[0], In[1]> = true;
export const outputs: Same<Out[0], Out[1]> = true;
${procedures
  .map((procedure, n) => {
    const at = procedure
      .split(".")
      .map((key) => `[${JSON.stringify(key)}]`)
      .join("");
    return `export const input${n}: Same<In[0]${at}, In[1]${at}> = true; // ${procedure}
export const output${n}: Same<Out[0]${at}, Out[1]${at}> = true; // ${procedure}`;
  })
  .join("\n")}
export const errors: Same<inferRouterError<Published>, inferRouterError<Server>> = true;
export const reasons: Same<PublishedReason, ServerReason> = true;
`,
  );
  const program = clientProgram([check]);
  const diagnostics = ts.getPreEmitDiagnostics(program).filter((diagnostic) => diagnostic.file?.fileName === check);
  if (diagnostics.length > 0) {
    const text = ts.formatDiagnostics(diagnostics, {
      getCanonicalFileName: (name) => name,
      getCurrentDirectory: () => workDir,
      getNewLine: () => "\n",
    });
    throw new Error(`The generated router types differ from the server's router:\n${text}`);
  }
}
