import type { Locale } from "../form-checks";
import { type ProblemCode, type ProblemParams, PROBLEMS } from "./catalog";
import { fieldLabel } from "./labels";

/**
 * One problem with a request: where (a dotted path to the canonical field, `""` for the whole
 * request), what (a stable code with its params), and an English sentence for readers that
 * render nothing themselves. Doors and the UI decide from `code` and `params`, never the sentence.
 */
export type Issue = {
  [C in ProblemCode]: { path: string; code: C; params: ProblemParams<C>; message: string };
}[ProblemCode];

/** The params argument: optional for codes that carry none. */
export type ParamsArgument<C extends ProblemCode> =
  Record<never, never> extends ProblemParams<C> ? [params?: ProblemParams<C> & object] : [params: ProblemParams<C>];

export interface RenderOptions {
  /** How the reader's API spells a canonical field (a dialect's own names); default: unchanged. */
  name?: (canonicalField: string) => string;
}

/** The sentence for a problem in a language, with fields named as the reader's API spells them. */
export function renderProblem(
  problem: { path: string; code: ProblemCode; params?: object },
  locale: Locale,
  options: RenderOptions = {},
): string {
  const name = options.name ?? ((field: string) => field);
  type Render = Record<Locale, (params: object, context: object) => string>;
  const context = { field: fieldLabel(problem.path, locale, name), name };
  try {
    return (PROBLEMS[problem.code] as unknown as Render)[locale](problem.params ?? {}, context);
  } catch {
    // A check that named a code without the params its wording needs (e.g. a union refusing a
    // value that is not even an object): the generic sentence, never a crash while reporting.
    return (PROBLEMS.invalid as unknown as Render)[locale]({}, context);
  }
}

/** An issue at `path` with its English sentence. */
export function createIssue<C extends ProblemCode>(path: string, code: C, ...[params]: ParamsArgument<C>): Issue {
  const values = (params ?? {}) as ProblemParams<C>;
  return { path, code, params: values, message: renderProblem({ path, code, params: values }, "en") } as Issue;
}

/** The same issue at another path (e.g. inside a nested input). */
export function withPath(issue: Issue, path: string): Issue {
  return createIssue(path, issue.code, ...([issue.params] as ParamsArgument<typeof issue.code>));
}
