import type { ErrorReason } from "@profilehub/api";

type Covered<G> = { [K in keyof G]: G[K] extends readonly (infer R)[] ? R : never }[keyof G];
type Uncovered<G> = Exclude<ErrorReason, Covered<G>>;

/**
 * A dialect's answer to every reason, written as groups (`{unauthorized: ["token_missing", …]}`).
 * A reason in no group is a compile error (`missing` names it), so a new refusal of the router
 * cannot reach a door without a documented answer.
 */
export function answersByReason<const G extends Record<string, readonly ErrorReason[]>>(
  groups: G & ([Uncovered<G>] extends [never] ? unknown : { missing: Uncovered<G> }),
): Record<ErrorReason, Extract<keyof G, string>> {
  const answers = {} as Record<ErrorReason, Extract<keyof G, string>>;
  for (const [answer, reasons] of Object.entries(groups) as [Extract<keyof G, string>, readonly ErrorReason[]][]) {
    for (const reason of reasons) answers[reason] = answer;
  }
  return answers;
}

/** Refusals only ProfileHub's own doors (sign-in, the settings app, admin) produce, never a dialect. */
export const NATIVE_ONLY = [
  "invalid_credentials",
  "invalid_grant",
  "totp_required",
  "totp_invalid",
  "mailbox_disabled",
  "csrf_failed",
] as const satisfies readonly ErrorReason[];

/** Refusals only Stack Auth's door (dialect D) produces: other dialects present no publishable key. */
export const STACK_ONLY = ["publishable_key_invalid"] as const satisfies readonly ErrorReason[];
