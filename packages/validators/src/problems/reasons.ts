/**
 * Why a call was refused, by stable machine code (`error.data.reason` on the native API, listed in
 * ./codes.ts): the params each reason carries (declared by its English wording, ./wording-en.ts)
 * and its sentence in a language (./wordings.ts). Every door maps reasons — in an exhaustive table — to its
 * documented status and body; nothing matches the wording.
 */
import type { ErrorReason } from "./codes";
import type { REASONS_EN } from "./wording-en";

export type { ErrorReason };
export type { RefreshFailure, WebhookFailure } from "./wording-en";

/** The params of a reason (`{}` when it carries none). */
export type ReasonParams<R extends ErrorReason> = Parameters<(typeof REASONS_EN)[R]>[0];

export type ReasonParamsArgument<R extends ErrorReason> =
  Record<never, never> extends ReasonParams<R> ? [params?: ReasonParams<R> & object] : [params: ReasonParams<R>];
