import type { ProblemCode, ProblemParams } from "./catalog";
import { renderProblemIn } from "./render";
import { ENGLISH_WORDING } from "./wording-en";

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

/** An issue at `path` with its English sentence. */
export function createIssue<C extends ProblemCode>(path: string, code: C, ...[params]: ParamsArgument<C>): Issue {
  const values = (params ?? {}) as ProblemParams<C>;
  return {
    path,
    code,
    params: values,
    message: renderProblemIn(ENGLISH_WORDING, { path, code, params: values }),
  } as Issue;
}

/** The same issue at another path (e.g. inside a nested input). */
export function withPath(issue: Issue, path: string): Issue {
  return createIssue(path, issue.code, ...([issue.params] as ParamsArgument<typeof issue.code>));
}
