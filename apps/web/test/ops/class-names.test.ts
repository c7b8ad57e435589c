// `cn` (apps/web/src/lib/utils.ts) gives exactly the class string tailwind-merge gave
// (`twMerge(clsx(…))`, kept as a devDependency for this test only) for every class list the app
// builds: each UI component (components/ui) with every variant × size of the variant tables and
// every className any file of apps/web/src passes to it, and every `cn(…)` call outside them with
// each value its arguments can take. A new className that overrides a component's class of a kind
// `cn` does not know fails here.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { clsx } from "clsx";
import * as Radix from "radix-ui";
import { isValidElement, type ReactNode } from "react";
import { twMerge } from "tailwind-merge";
import ts from "typescript";
import { describe, expect, it, vi } from "vitest";

import type * as Utils from "@/lib/utils";
import type { ClassValue } from "@/lib/utils";
import type * as Variants from "@/lib/variants";

const recorded = vi.hoisted(() => ({
  cnCalls: [] as ClassValue[][],
  tables: [] as Record<string, Record<string, string>>[],
}));

vi.mock("@/lib/utils", async (importOriginal) => {
  const real = await importOriginal<typeof Utils>();
  return {
    ...real,
    cn: (...inputs: ClassValue[]) => {
      recorded.cnCalls.push(inputs);
      return real.cn(...inputs);
    },
  };
});

vi.mock("@/lib/variants", async (importOriginal) => {
  const real = await importOriginal<typeof Variants>();
  return {
    ...real,
    variants: ((base, table, defaults) => {
      recorded.tables.push(table);
      return real.variants(base, table, defaults);
    }) as typeof real.variants,
  };
});

const { cn } = await vi.importActual<typeof Utils>("@/lib/utils");
const reference = (inputs: ClassValue[]) => twMerge(clsx(inputs));

const src = fileURLToPath(new URL("../../src/", import.meta.url));
const uiFolder = path.join(src, "components/ui");

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

const parsed = sourceFiles(src).map((file) =>
  ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX),
);

function visit(node: ts.Node, onNode: (node: ts.Node) => void) {
  onNode(node);
  ts.forEachChild(node, (child) => visit(child, onNode));
}

/** A module-level `const NAME = "…"` or `const NAME = ["…", …]` of the file, as its strings. */
function constantStrings(file: ts.SourceFile, name: string): string[] | undefined {
  let found: string[] | undefined;
  visit(file, (node) => {
    if (!ts.isVariableDeclaration(node) || node.name.getText() !== name || !node.initializer) return;
    const value = node.initializer;
    if (ts.isStringLiteralLike(value)) found = [value.text];
    if (ts.isArrayLiteralExpression(value) && value.elements.every(ts.isStringLiteralLike)) {
      found = value.elements.map((element) => (element as ts.StringLiteralLike).text);
    }
  });
  return found;
}

/** A value an expression giving classes can take, and the condition it takes it under. */
interface Choice {
  value: ClassValue;
  when?: { condition: string; holds: boolean };
}

/** `condition` as written, or the condition it negates (`!active` is `active` not holding). */
function condition(expression: ts.Expression, holds: boolean): { condition: string; holds: boolean } {
  if (ts.isPrefixUnaryExpression(expression) && expression.operator === ts.SyntaxKind.ExclamationToken) {
    return condition(expression.operand, !holds);
  }
  return { condition: expression.getText(), holds };
}

/** Every value an expression giving classes can take (literals, `a && "…"`, `a ? "…" : "…"`, constants). */
function possibleClasses(expression: ts.Expression, file: ts.SourceFile): Choice[] {
  if (ts.isStringLiteralLike(expression)) return [{ value: expression.text }];
  if (ts.isParenthesizedExpression(expression)) return possibleClasses(expression.expression, file);
  if (ts.isBinaryExpression(expression) && expression.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) {
    return [
      { value: undefined, when: condition(expression.left, false) },
      ...possibleClasses(expression.right, file).map((choice) => ({
        ...choice,
        when: condition(expression.left, true),
      })),
    ];
  }
  if (ts.isConditionalExpression(expression)) {
    return [
      ...possibleClasses(expression.whenTrue, file).map((choice) => ({
        ...choice,
        when: condition(expression.condition, true),
      })),
      ...possibleClasses(expression.whenFalse, file).map((choice) => ({
        ...choice,
        when: condition(expression.condition, false),
      })),
    ];
  }
  if (ts.isElementAccessExpression(expression)) {
    const strings = constantStrings(file, expression.expression.getText());
    if (strings) return strings.map((value) => ({ value }));
  }
  if (ts.isIdentifier(expression)) {
    // A constant of the file, else `undefined` or a pass-through (`className`) no caller sets.
    return (constantStrings(file, expression.text) ?? [undefined]).map((value) => ({ value }));
  }
  throw new Error(`${file.fileName}: cannot tell the classes of ${expression.getText()}`);
}

/** Whether the choices can be taken together (no condition both holding and not). */
function consistent(choices: Choice[]): boolean {
  const seen = new Map<string, boolean>();
  for (const { when } of choices) {
    if (!when) continue;
    if (seen.get(when.condition) === !when.holds) return false;
    seen.set(when.condition, when.holds);
  }
  return true;
}

/** The components the UI folder exports, by name. */
const uiNames = new Set(
  parsed
    .filter((file) => file.fileName.startsWith(uiFolder))
    .flatMap((file) => [...file.text.matchAll(/export (?:function|const) ([A-Z]\w*)/g)].map((match) => match[1])),
);

/** The className values each UI component is given anywhere in the app, by name. */
const classNamesByTag = new Map<string, Set<string>>();
for (const file of parsed) {
  visit(file, (node) => {
    if (!ts.isJsxOpeningElement(node) && !ts.isJsxSelfClosingElement(node)) return;
    if (!uiNames.has(node.tagName.getText())) return;
    for (const attribute of node.attributes.properties) {
      if (!ts.isJsxAttribute(attribute) || attribute.name.getText() !== "className" || !attribute.initializer) continue;
      const value = ts.isJsxExpression(attribute.initializer)
        ? attribute.initializer.expression
        : attribute.initializer;
      if (!value) continue;
      // Inside the UI folder, a className built at run time (`cn(…, className)`) is covered by rendering.
      if (file.fileName.startsWith(uiFolder) && ts.isCallExpression(value)) continue;
      const classes = classNamesByTag.get(node.tagName.getText()) ?? new Set<string>();
      for (const { value: option } of possibleClasses(value, file)) if (option) classes.add(option);
      classNamesByTag.set(node.tagName.getText(), classes);
    }
  });
}

const radixParts = new Set<unknown>(
  Object.values(Radix).flatMap((part) => (part && typeof part === "object" ? Object.values(part) : [])),
);

/** Runs a component and each function component it renders, as a server would (cn runs then). */
function render(node: ReactNode) {
  if (Array.isArray(node)) return node.forEach(render);
  if (!isValidElement<Record<string, unknown>>(node)) return;
  if (typeof node.type === "function" && !radixParts.has(node.type)) {
    render((node.type as (props: unknown) => ReactNode)(node.props));
    return;
  }
  render(node.props.children as ReactNode);
}

function product(choices: Record<string, unknown[]>): Record<string, unknown>[] {
  return Object.entries(choices).reduce<Record<string, unknown>[]>(
    (combinations, [key, values]) =>
      combinations.flatMap((combination) => values.map((value) => ({ ...combination, [key]: value }))),
    [{}],
  );
}

describe("cn", () => {
  it("gives tailwind-merge's string for each UI component, variant, size and className the app uses", async () => {
    const modules = await Promise.all(
      readdirSync(uiFolder).map(async (name) => [name, (await import(path.join(uiFolder, name))) as object] as const),
    );
    const choices: Record<string, Set<unknown>> = {};
    for (const table of recorded.tables) {
      for (const [key, values] of Object.entries(table)) {
        choices[key] ??= new Set([undefined, null]);
        for (const value of Object.keys(values)) choices[key].add(value);
      }
    }
    const variantCombinations = product(
      Object.fromEntries(Object.entries(choices).map(([key, set]) => [key, [...set]])),
    );

    let rendered = 0;
    for (const [, exports] of modules) {
      for (const [name, component] of Object.entries(exports)) {
        if (typeof component !== "function" || radixParts.has(component) || !/^[A-Z]/.test(name)) continue;
        for (const className of [undefined, ...(classNamesByTag.get(name) ?? [])]) {
          for (const variants of variantCombinations) {
            render(
              (component as (props: unknown) => ReactNode)({
                ...variants,
                className,
                id: "field",
                label: "Label",
                closeLabel: "Close",
                thumbLabel: "Value",
                children: "text",
              }),
            );
            rendered++;
          }
        }
      }
    }
    expect(rendered).toBeGreaterThan(100);
    expect(recorded.cnCalls.length).toBeGreaterThan(rendered);
    // The overrides this proof is about are among the calls (a caller's size over the spinner's).
    expect(recorded.cnCalls.some((inputs) => inputs.includes("ml-auto size-3.5"))).toBe(true);

    const differing = recorded.cnCalls
      .map((inputs) => ({ inputs, ours: cn(...inputs), tailwindMerge: reference(inputs) }))
      .filter(({ ours, tailwindMerge }) => ours !== tailwindMerge);
    expect(differing).toEqual([]);
  });

  it("gives tailwind-merge's string for every cn(…) call outside the UI components, each value its arguments take", () => {
    let calls = 0;
    const differing: unknown[] = [];
    for (const file of parsed) {
      if (file.fileName.startsWith(uiFolder)) continue;
      visit(file, (node) => {
        if (!ts.isCallExpression(node) || node.expression.getText() !== "cn") return;
        calls++;
        const argumentChoices = Object.fromEntries(
          node.arguments.map((argument, index) => [index, possibleClasses(argument, file)]),
        );
        for (const combination of product(argumentChoices)) {
          const choices = node.arguments.map((_, index) => combination[index] as Choice);
          if (!consistent(choices)) continue;
          const inputs = choices.map((choice) => choice.value);
          if (cn(...inputs) !== reference(inputs)) differing.push({ file: file.fileName, inputs });
        }
      });
    }
    expect(calls).toBeGreaterThan(3);
    expect(differing).toEqual([]);
  });

  it("replaces like tailwind-merge: later wins within a kind and its variants, unknown classes stay", () => {
    const cases: ClassValue[][] = [
      ["h-9 px-4", "h-11"],
      ["size-4 animate-spin", "ml-auto size-3.5"],
      ["w-full", "size-9"],
      ["size-9", "w-full"],
      ["px-3", "pr-9"],
      ["pr-9", "px-3"],
      ["-mt-2 grid", "mt-4"],
      ["gap-x-3", "gap-1"],
      ["gap-1", "gap-x-3"],
      ["text-sm leading-6", "text-xs leading-5"],
      ["leading-none", "text-lg"],
      ["rounded-md text-sm", "h-8 rounded-md text-[0.8125rem]"],
      ["sm:px-6 px-5", "sm:px-4"],
      ["[&_svg:not([class*='size-'])]:size-4", "size-6"],
      ["shadow-xs", "shadow-sm", false, null, undefined],
      ["cursor-pointer", "cursor-progress"],
      ["unknown other unknown", "  spaced   out "],
      ["text-sm text-muted-foreground", "text-xs"],
      ["text-muted-foreground", "text-accent-foreground bg-accent"],
      ["bg-muted", "bg-destructive/10", "hover:bg-accent"],
      ["border border-input", "border-destructive/40"],
      ["-mt-2 grid gap-1.5", "hidden"],
      ["flex sm:hidden", "block"],
    ];
    for (const inputs of cases) expect(cn(...inputs)).toBe(reference(inputs));
  });
});
