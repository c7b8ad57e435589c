/** A class list, or nothing (`condition && "…"`). */
export type ClassValue = string | false | null | undefined;

/** The theme's colors (globals.css), plain or with an opacity (`bg-destructive/10`). */
const COLOR =
  "(?:transparent|current|black|white|(?:background|foreground|card|popover|primary|secondary|muted|accent|destructive|success|warning|border|input|ring)(?:-foreground)?)(?:/\\d+)?";

/**
 * The Tailwind utilities a later class of the same kind replaces (a caller's `className` over a
 * component's own: `h-9` then `h-11` gives `h-11`): the kinds the UI overrides, as tailwind-merge
 * groups them. Each pattern's first capture, or else its name, is the kind.
 */
const KINDS: readonly (readonly [kind: string, pattern: RegExp])[] = [
  ["size", /^size-/],
  ["h", /^h-/],
  ["w", /^w-/],
  ["min-w", /^min-w-/],
  ["max-w", /^max-w-/],
  ["min-h", /^min-h-/],
  ["max-h", /^max-h-/],
  ["spacing", /^-?([pm][xytrbl]?)-/],
  ["gap", /^(gap(?:-[xy])?)-/],
  ["font-size", /^text-(?:xs|sm|base|lg|[2-9]?xl|\[[\d.]+(?:rem|px|em)\])$/],
  ["leading", /^leading-/],
  ["shadow", /^shadow(?:-(?:2xs|xs|sm|md|lg|xl|2xl|none))?$/],
  ["rounded", /^rounded(?:-(?:none|xs|sm|md|lg|xl|2xl|3xl|4xl|full|\[[^\]]+\]))?$/],
  ["cursor", /^cursor-/],
  [
    "display",
    /^(?:block|inline-block|inline|flex|inline-flex|table|inline-table|grid|inline-grid|contents|list-item|hidden|flow-root)$/,
  ],
  ["bg-color", new RegExp(`^bg-${COLOR}$`)],
  ["text-color", new RegExp(`^text-${COLOR}$`)],
  ["border-color", new RegExp(`^border-${COLOR}$`)],
];

/** Kinds that a class of the key's kind also replaces when it comes later (`size-9` after `w-full`). */
const ALSO_REPLACES: Readonly<Record<string, readonly string[]>> = {
  size: ["w", "h"],
  "font-size": ["leading"],
  p: ["px", "py", "pt", "pr", "pb", "pl"],
  px: ["pr", "pl"],
  py: ["pt", "pb"],
  m: ["mx", "my", "mt", "mr", "mb", "ml"],
  mx: ["mr", "ml"],
  my: ["mt", "mb"],
  gap: ["gap-x", "gap-y"],
};

/** A class's variants (`sm:`, `hover:`, `[&>svg]:` — everything before its last `:` outside brackets) and utility. */
function splitVariants(name: string): [variants: string, utility: string] {
  let depth = 0;
  for (let index = name.length - 1; index >= 0; index--) {
    const char = name[index];
    if (char === "]") depth++;
    else if (char === "[") depth--;
    else if (char === ":" && depth === 0) return [name.slice(0, index + 1), name.slice(index + 1)];
  }
  return ["", name];
}

/** The kind of a class (with its variants), or undefined for a class no other class replaces. */
function kindOf(name: string): { variants: string; kind: string } | undefined {
  const [variants, utility] = splitVariants(name);
  for (const [kind, pattern] of KINDS) {
    const match = pattern.exec(utility);
    if (match) return { variants, kind: match[1] ?? kind };
  }
  return undefined;
}

/**
 * Joins class lists; a later class replaces an earlier one of the same kind with the same
 * variants (see KINDS), the rest is kept as given. Gives the string tailwind-merge gave for every
 * class list the app builds: apps/web/test/ops/class-names.test.ts proves it, component by
 * component and for each className passed to one.
 */
export function cn(...inputs: ClassValue[]): string {
  const names = inputs.flatMap((input) => (input ? input.split(/\s+/).filter(Boolean) : []));
  const replaced = new Set<string>();
  const kept: string[] = [];
  for (let index = names.length - 1; index >= 0; index--) {
    const name = names[index]!;
    const kind = kindOf(name);
    if (kind) {
      const key = kind.variants + kind.kind;
      if (replaced.has(key)) continue;
      replaced.add(key);
      for (const other of ALSO_REPLACES[kind.kind] ?? []) replaced.add(kind.variants + other);
    }
    kept.push(name);
  }
  return kept.reverse().join(" ");
}
