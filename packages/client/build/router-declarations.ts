import path from "node:path";
import ts from "typescript";

import { TypePrinter } from "./type-printer";

const ENTRY = path.join(import.meta.dirname, "router-entry.ts");
const PROCEDURE_KINDS = { query: "TRPCQueryProcedure", mutation: "TRPCMutationProcedure" } as const;

/** The compiler options of packages/client (Bundler resolution, strict) for the given files. */
export function clientProgram(files: string[], overrides: ts.CompilerOptions = {}): ts.Program {
  const configFile = path.join(import.meta.dirname, "..", "tsconfig.json");
  const parsed = ts.getParsedCommandLineOfConfigFile(
    configFile,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
      },
    },
  );
  if (!parsed) throw new Error(`Cannot read ${configFile}`);
  return ts.createProgram(files, { ...parsed.options, ...overrides });
}

/**
 * The router's types as a self-contained declaration file: `AppRouter` (a `TRPCBuiltRouter`
 * whose every input, output and error shape is spelled out, with `ctx` reduced to `object`, so
 * it names nothing of the server — no context, no Prisma, no zod) and `ErrorReason`. It imports
 * only `@trpc/server`'s public types, the peer of `@trpc/client`.
 */
export function routerDeclarations(): { text: string; procedures: string[] } {
  const program = clientProgram([ENTRY]);
  const checker = program.getTypeChecker();
  const entry = program.getSourceFile(ENTRY);
  const moduleSymbol = entry && checker.getSymbolAtLocation(entry);
  if (!moduleSymbol) throw new Error(`Cannot read ${ENTRY}`);
  const exported = (name: string): ts.Type => {
    const symbol = checker.getExportsOfModule(moduleSymbol).find((candidate) => candidate.getName() === name);
    if (!symbol) throw new Error(`${ENTRY} does not export ${name}`);
    return checker.getDeclaredTypeOfSymbol(symbol);
  };
  const printer = new TypePrinter(checker, (symbol) =>
    (symbol.declarations ?? []).some((declaration) => program.isSourceFileDefaultLibrary(declaration.getSourceFile())),
  );
  printer.reserve("AppRouter");
  for (const name of Object.values(PROCEDURE_KINDS)) printer.reserve(name);
  printer.reserve("TRPCBuiltRouter");

  const transformer = checker.typeToString(exported("Transformer"));
  if (transformer !== "false") throw new Error(`The router uses a data transformer (${transformer}): not supported`);
  const reasons = printer.print(exported("Reasons"), "ErrorReason");
  const errorShape = printer.print(exported("ErrorShape"), "errorShape");
  const procedures: string[] = [];
  const record = printRecord(checker, printer, exported("RouterRecord"), "", "  ", procedures);

  const text = [
    "// Generated from packages/api's router by packages/client/build/router-declarations.ts.",
    `import type { TRPCBuiltRouter, ${Object.values(PROCEDURE_KINDS).join(", ")} } from "@trpc/server";`,
    "",
    ...printer.namedDeclarations().map((declaration) => `export ${declaration}`),
    ...(reasons === "ErrorReason" ? [] : [`export type ErrorReason = ${reasons};`]),
    "",
    "/** The ProfileHub router as its clients see it (`ctx` is the server's business). */",
    `export type AppRouter = TRPCBuiltRouter<{ ctx: object; meta: object; errorShape: ${errorShape}; transformer: false }, ${record}>;`,
    "",
  ].join("\n");
  return { text, procedures };
}

function printRecord(
  checker: ts.TypeChecker,
  printer: TypePrinter,
  record: ts.Type,
  prefix: string,
  indent: string,
  procedures: string[],
): string {
  const lines = checker.getPropertiesOfType(record).map((property) => {
    const name = property.getName();
    const pathName = `${prefix}${name}`;
    const value = checker.getTypeOfSymbol(property);
    const definition = checker.getPropertyOfType(value, "_def");
    if (!definition)
      return `${indent}${name}: ${printRecord(checker, printer, value, `${pathName}.`, `${indent}  `, procedures)};`;
    const def = checker.getTypeOfSymbol(definition);
    const part = (type: ts.Type, key: string) => {
      const symbol = checker.getPropertyOfType(type, key);
      if (!symbol) throw new Error(`${pathName}: no ${key} in the procedure's definition`);
      return checker.getTypeOfSymbol(symbol);
    };
    const kind = checker.typeToString(part(def, "type")).replace(/"/g, "") as keyof typeof PROCEDURE_KINDS;
    if (!(kind in PROCEDURE_KINDS)) throw new Error(`${pathName}: ${kind} procedures are not supported`);
    procedures.push(pathName);
    const types = part(def, "$types");
    const input = printer.print(part(types, "input"), `${pathName} input`);
    const output = printer.print(part(types, "output"), `${pathName} output`);
    return `${indent}${name}: ${PROCEDURE_KINDS[kind]}<{ input: ${input}; output: ${output}; meta: object }>;`;
  });
  return `{\n${lines.join("\n")}\n${indent.slice(2)}}`;
}
