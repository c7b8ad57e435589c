import type { ErrorReason, ProblemCode } from "./codes";
import { labelIn } from "./labels";
import type { Wording } from "./wording";

export interface RenderOptions {
  /** How the reader's API spells a canonical field (a dialect's own names); default: unchanged. */
  name?: (canonicalField: string) => string;
}

/**
 * The sentence for a problem in one language, with fields named as the reader's API spells them.
 * A code this build does not word (a newer server's) gets the generic sentence ("… is invalid").
 */
export function renderProblemIn(
  wording: Wording,
  problem: { path: string; code: ProblemCode; params?: object },
  options: RenderOptions = {},
): string {
  const name = options.name ?? ((field: string) => field);
  type Render = (params: object, context: object) => string;
  const context = { field: labelIn(wording.labels, problem.path, name), name };
  // Own keys only: a code like "toString" must not reach Object.prototype's.
  const known = Object.hasOwn(wording.problems, problem.code);
  try {
    if (known) return (wording.problems[problem.code] as Render)(problem.params ?? {}, context);
  } catch {
    // A check that named a code without the params its wording needs (e.g. a union refusing a
    // value that is not even an object): the generic sentence, never a crash while reporting.
  }
  return (wording.problems.invalid as Render)({}, context);
}

/**
 * Whether `value` is a refusal reason `wording` words: what a browser checks a server's reason
 * with (a newer server may send one this build does not know), without shipping the code lists.
 */
export function isReasonIn(wording: Wording, value: unknown): value is ErrorReason {
  return typeof value === "string" && Object.hasOwn(wording.reasons, value);
}

/** The sentence for a refusal in one language. */
export function renderReasonIn(wording: Wording, reasonCode: ErrorReason, params: object | undefined): string {
  return (wording.reasons[reasonCode] as (params: object) => string)(params ?? {});
}

/** The sentence for a server's refusal in one language; null for a reason `wording` does not know (a newer server's). */
export function renderKnownReasonIn(wording: Wording, reason: string, params: object | undefined): string | null {
  return isReasonIn(wording, reason) ? renderReasonIn(wording, reason, params) : null;
}
