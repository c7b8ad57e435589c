import { projectIdSchema } from "@profilehub/validators";
import { z } from "zod";
import type { Context } from "../../context";
import { appError } from "../../errors";
import type { UserRef } from "../../services/users/update-statement";

/** A user addressed by id (uuid) or number, optionally within a project. */
export const userRefInputSchema = z.object({
  userId: z.uuid({ error: "userId must be a UUID" }).optional(),
  userNumber: z.number().int().positive().optional(),
  projectId: projectIdSchema.optional(),
});

export type UserRefInput = z.infer<typeof userRefInputSchema>;

/** The user the input names (by id, else by number); a validation error when it names none. */
export function toUserRef(input: UserRefInput): UserRef {
  if (input.userId !== undefined) return { id: input.userId };
  if (input.userNumber !== undefined) return { number: input.userNumber };
  throw appError("validation", "userId or userNumber is required", [{ path: "userId", message: "Required" }]);
}

/** Users only ever see their own project; server access may look anywhere unless scoped. */
export function projectScope(ctx: Context, input: UserRefInput): string | null {
  return input.projectId ?? ctx.session?.projectId ?? null;
}
