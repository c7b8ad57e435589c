import type { Locale } from "../form-checks";
import type { ErrorReason, ProblemCode } from "./codes";
import { type FieldLabel, labelIn } from "./labels";
import { type RenderOptions, renderProblemIn, renderReasonIn } from "./render";
import type { Wording } from "./wording";
import { ENGLISH_WORDING } from "./wording-en";
import { FRENCH_WORDING } from "./wording-fr";

/** Both languages' wording, for servers (a page loads the module of its language only). */
const WORDINGS: Record<Locale, Wording> = { en: ENGLISH_WORDING, fr: FRENCH_WORDING };

/** The sentence for a problem in a language, with fields named as the reader's API spells them. */
export function renderProblem(
  problem: { path: string; code: ProblemCode; params?: object },
  locale: Locale,
  options: RenderOptions = {},
): string {
  return renderProblemIn(WORDINGS[locale], problem, options);
}

/** The sentence for a refusal in a language. */
export function renderReason(reasonCode: ErrorReason, params: object | undefined, locale: Locale): string {
  return renderReasonIn(WORDINGS[locale], reasonCode, params);
}

/**
 * The label of the field at `path` (`location.latitude`, `featureFlags.2`), in `locale`. Fields
 * without a human label are named by `name(key)`: their key as the reader's API spells it.
 */
export function fieldLabel(path: string, locale: Locale, name?: (field: string) => string): FieldLabel {
  return labelIn(WORDINGS[locale].labels, path, name);
}
