/** One class string per value of each variant (`{ variant: { default: "…", ghost: "…" } }`). */
type VariantTable = Record<string, Record<string, string>>;

/** The variants a component accepts: each optional; `null` leaves that variant's classes out. */
export type VariantSelection<T extends VariantTable> = { [K in keyof T]?: keyof T[K] | null };

/** The props a variants function reads, for a component's own props type. */
export type VariantProps<F extends (props: never) => string> = Omit<
  NonNullable<Parameters<F>[0]>,
  "class" | "className"
>;

/**
 * A component's classes for the variants picked (else the defaults): the base, each variant's
 * classes, then any `class`/`className` given — joined as they are (no merging; the component's
 * `cn` does that). The subset of class-variance-authority's `cva` the UI uses, with the same output.
 */
export function variants<T extends VariantTable>(
  base: string,
  table: T,
  defaults: { [K in keyof T]: keyof T[K] },
): (props?: VariantSelection<T> & { class?: string; className?: string }) => string {
  return (props = {}) => {
    const classes = [base];
    for (const key in table) {
      const picked = props[key];
      if (picked === null) continue;
      const value = table[key]?.[(picked ?? defaults[key]) as string];
      if (value) classes.push(value);
    }
    if (props.class) classes.push(props.class);
    if (props.className) classes.push(props.className);
    return classes.join(" ");
  };
}
