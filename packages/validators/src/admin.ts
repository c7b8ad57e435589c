import { z } from "zod";
import { fails } from "./problems/zod-codes";
import { projectIdSchema } from "./auth";

export const webhookSettingsSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/, ...fails("invalid_url") }).max(2048, fails("too_long")),
  secret: z.string(fails("invalid_type")).min(16, fails("too_short")).max(256, fails("too_long")),
});

export const projectUpsertInputSchema = z.strictObject({
  projectId: projectIdSchema,
  name: z.string().trim().min(1).max(200).optional(),
  webhooks: z.strictObject({ validateUserUpdated: webhookSettingsSchema.nullable().optional() }).nullable().optional(),
});
export type ProjectUpsertInput = z.input<typeof projectUpsertInputSchema>;

export const projectSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The secret is write-only: only the URL is shown. */
  webhooks: z.object({ validateUserUpdated: z.object({ url: z.string() }).nullable() }),
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
