import { z } from "zod";

import { projectIdSchema } from "./auth";
import { fails } from "./problems/zod-codes";

export const webhookSettingsSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/, ...fails("invalid_url") }).max(2048, fails("too_long")),
  secret: z.string(fails("invalid_type")).min(16, fails("too_short")).max(256, fails("too_long")),
});

export const projectUpsertInputSchema = z.strictObject({
  projectId: projectIdSchema,
  name: z.string().trim().min(1).max(200).optional(),
  webhooks: z.strictObject({ validateUserUpdated: webhookSettingsSchema.nullable().optional() }).nullable().optional(),
  /** Stack Auth's `client_user_deletion_enabled`: dialect D's clients may delete their own account. */
  clientUserDeletionEnabled: z.boolean(fails("invalid_type")).optional(),
  /** Stack Auth's publishable client key (dialect D): when set, client requests must send it; `null` accepts any. */
  publishableClientKey: z.string().trim().min(1).max(200).nullable().optional(),
});
export type ProjectUpsertInput = z.input<typeof projectUpsertInputSchema>;

export const projectSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The secret is write-only: only the URL is shown. */
  webhooks: z.object({ validateUserUpdated: z.object({ url: z.string() }).nullable() }),
  clientUserDeletionEnabled: z.boolean(),
  /** Public (Stack's SDK ships it to browsers); `null`: any key is accepted. */
  publishableClientKey: z.string().nullable(),
});
export type ProjectView = z.infer<typeof projectSchema>;

export const suspensionCreateInputSchema = z.strictObject({
  userId: z.uuid(fails("invalid_uuid")),
  reason: z.string(fails("required")).trim().min(1, fails("required")).max(500, fails("too_long")),
  endsAt: z.iso
    .datetime({ offset: true, ...fails("invalid_timestamp") })
    .nullable()
    .optional(),
});

export const teamCreateInputSchema = z.strictObject({
  projectId: projectIdSchema.optional(),
  displayName: z.string(fails("required")).trim().min(1, fails("required")).max(200, fails("too_long")),
});

export const teamSchema = z.object({ id: z.uuid(), displayName: z.string(), projectId: z.string() });

export const teamMemberAddInputSchema = z.strictObject({
  teamId: z.uuid(fails("invalid_uuid")),
  userId: z.uuid(fails("invalid_uuid")),
});

/** Where a mail of the outbox stands (DESIGN §5). */
export const OUTBOX_STATUSES = ["pending", "sent", "failed"] as const;

export const outboxListInputSchema = z.strictObject({
  status: z.enum(OUTBOX_STATUSES, { error: "status must be pending, sent or failed" }).default("failed"),
  limit: z.coerce
    .number({ error: "limit must be a number" })
    .int({ error: "limit must be an integer" })
    .min(1, { error: "limit must be between 1 and 500" })
    .max(500, { error: "limit must be between 1 and 500" })
    .default(100),
});
export type OutboxListInput = z.input<typeof outboxListInputSchema>;

export const outboxMailSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  to: z.string(),
  subject: z.string(),
  status: z.enum(OUTBOX_STATUSES),
  attempts: z.number().int(),
  createdAt: z.string(),
  nextAttemptAt: z.string().nullable(),
  sentAt: z.string().nullable(),
  failedAt: z.string().nullable(),
  lastError: z.string().nullable(),
});

export const outboxListSchema = z.object({
  /** How many mails are in each state, whatever the filter. */
  counts: z.object({ pending: z.number().int(), sent: z.number().int(), failed: z.number().int() }),
  /** The newest mails in the requested state, up to `limit`. */
  mails: z.array(outboxMailSchema),
});
export type OutboxList = z.infer<typeof outboxListSchema>;
