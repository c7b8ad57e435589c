import { z } from "zod";

import { listActivity } from "../../services/users/activity";
import { authedProcedure } from "../../trpc";

const entrySchema = z.object({
  id: z.string(),
  action: z.string(),
  door: z.string(),
  actorType: z.string(),
  bySelf: z.boolean(),
  createdAt: z.string(),
  changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
  /** The device ("Chrome on Linux") and address a security event came from, when recorded. */
  device: z.string().nullable(),
  ip: z.string().nullable(),
});

/** `me.activity`: what changed on the caller's account, when, through which door (secrets redacted). */
export const activityProcedure = authedProcedure
  .input(
    z
      .strictObject({
        limit: z.number().int().min(1).max(100).default(25),
        before: z.string().regex(/^\d+$/, { error: "before must be an entry id" }).optional(),
      })
      .default({ limit: 25 }),
  )
  .output(z.object({ entries: z.array(entrySchema), nextBefore: z.string().nullable() }))
  .query(async ({ ctx, input }) => {
    const entries = await listActivity(ctx.services.db, ctx.session.userId, input);
    return { entries, nextBefore: entries.length === input.limit ? (entries.at(-1)?.id ?? null) : null };
  });
