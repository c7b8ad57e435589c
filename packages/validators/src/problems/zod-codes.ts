import type { ProblemCode, ProblemParams } from "./catalog";

/**
 * How a schema names the problem of a check: `.max(100, fails("too_long"))`. Zod supplies the
 * bounds, allowed values and expected type; refinements give the rest of the params
 * (`.refine(ok, fails("invalid_tag", { maximum: 64 }))`). See ./from-zod.ts.
 */
export function fails<C extends ProblemCode>(
  code: C,
  params?: Partial<ProblemParams<C>>,
): { error: C; params?: object } {
  return params ? { error: code, params } : { error: code };
}

/** The same, for `ctx.addIssue(...)` inside a transform or `superRefine`. */
export function customIssue<C extends ProblemCode>(code: C, params?: Partial<ProblemParams<C>>) {
  return { code: "custom" as const, message: code, ...(params && { params }) };
}
