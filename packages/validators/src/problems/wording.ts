import type { Locale } from "../form-checks";
import type { ProblemParams } from "./catalog";
import type { ErrorReason, ProblemCode } from "./codes";
import type { FieldLabel, FieldLabels } from "./labels";
import type { ReasonParams } from "./reasons";

/** What a problem's template gets besides its params: the field, named for the reader. */
export interface WordingContext {
  /** The field's label in this language ("Display name", "Le nom affiché"). */
  field: FieldLabel;
  /** A field name as the reader's API spells it (dialects rename canonical fields). */
  name: (canonicalField: string) => string;
}

export type ProblemTemplate<P> = (params: P, context: WordingContext) => string;
export type ReasonTemplate<P> = (params: P) => string;

/**
 * One language's sentences for every problem and refusal (./wording-en.ts, ./wording-fr.ts): a
 * server renders with both; a page loads the one of its language only.
 */
export interface Wording {
  locale: Locale;
  /** The fields' labels the sentences name. */
  labels: FieldLabels;
  problems: { [C in ProblemCode]: ProblemTemplate<ProblemParams<C>> };
  reasons: { [R in ErrorReason]: ReasonTemplate<ReasonParams<R>> };
}
