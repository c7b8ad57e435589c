/**
 * Every validation problem ProfileHub reports, by stable machine code (./codes.ts): the params it
 * carries and its wording, one module per language (./wording-en.ts, ./wording-fr.ts; both
 * together in ./wordings.ts). Nothing else in the code base words a problem: schemas name a code,
 * the router adds params, and every door (dialects, the settings UI) renders or maps codes.
 * Codes are part of the API (`error.data.issues[].code`): never rename one.
 */
import type { ProblemCode } from "./codes";
import type { PROBLEMS_EN } from "./wording-en";

export type { ProblemCode };

/** The params of a problem code (`{}` when it carries none), as its English wording declares them. */
export type ProblemParams<C extends ProblemCode> = Parameters<(typeof PROBLEMS_EN)[C]>[0];
