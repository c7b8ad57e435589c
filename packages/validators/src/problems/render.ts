import type { ErrorReason, ProblemCode } from "./codes";
import { labelIn } from "./labels";
import type { Wording } from "./wording";

export interface RenderOptions {
  /** How the reader's API spells a canonical field (a dialect's own names); default: unchanged. */
  name?: (canonicalField: string) => string;
}

/** The sentence for a problem in one language, with fields named as the reader's API spells them. */
export function renderProblemIn(
  wording: Wording,
  problem: { path: string; code: ProblemCode; params?: object },
  options: RenderOptions = {},
): string {
  const name = options.name ?? ((field: string) => field);
  type Render = (params: object, context: object) => string;
  const context = { field: labelIn(wording.labels, problem.path, name), name };
  try {
    return (wording.problems[problem.code] as Render)(problem.params ?? {}, context);
  } catch {
    // A check that named a code without the params its wording needs (e.g. a union refusing a
    // value that is not even an object): the generic sentence, never a crash while reporting.
    return (wording.problems.invalid as Render)({}, context);
  }
}

/** The sentence for a refusal in one language. */
export function renderReasonIn(wording: Wording, reasonCode: ErrorReason, params: object | undefined): string {
  return (wording.reasons[reasonCode] as (params: object) => string)(params ?? {});
}
