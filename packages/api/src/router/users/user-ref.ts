import { fails } from "@profilehub/validators";
import { z } from "zod";

import { isStackProjectId } from "../../auth/stack-project-id";
import type { Context } from "../../context";
import { invalidField } from "../../errors";
import type { UserRef } from "../../services/database/sql";
import { projectNamed } from "../../services/projects/stack-project";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const USER_NUMBER = /^[1-9]\d{0,9}$/;
const MAX_USER_NUMBER = 2 ** 31 - 1;

/**
 * A user addressed by id or number, optionally within a project — as found in a URL path too:
 * an id or number that cannot name a user (`abc`, `0`) names nobody, so the caller is told
 * "not found" once they proved who they are, like for any unknown user.
 */
export const userRefInputSchema = z.object({
  userId: z.string(fails("invalid_type")).max(100, fails("too_long")).optional(),
  userNumber: z.union([z.number().int(), z.string().max(32)], fails("invalid_type")).optional(),
  projectId: z.string(fails("invalid_type")).max(100, fails("too_long")).optional(),
});

export type UserRefInput = z.infer<typeof userRefInputSchema>;

function numberRef(value: number | string): UserRef {
  const number = typeof value === "number" ? value : USER_NUMBER.test(value) ? Number(value) : 0;
  return number >= 1 && number <= MAX_USER_NUMBER ? { number } : { none: true };
}

/** The user the input names (by id, else by number); a validation error when it names none. */
export function toUserRef(input: UserRefInput): UserRef {
  if (input.userId !== undefined) return UUID.test(input.userId) ? { id: input.userId } : { none: true };
  if (input.userNumber !== undefined) return numberRef(input.userNumber);
  throw invalidField("userId", "required");
}

/** Users only ever see their own project; server access may look anywhere unless scoped. */
export function projectScope(ctx: Context, input: UserRefInput): string | null {
  return input.projectId ?? ctx.session?.projectId ?? null;
}

/** The same, with a project named by its Stack UUID (Stack's server requests) found by that UUID. */
export async function resolvedProjectScope(ctx: Context, input: UserRefInput): Promise<string | null> {
  const scope = projectScope(ctx, input);
  return scope !== null && isStackProjectId(scope) ? projectNamed(ctx.services.db, scope) : scope;
}
