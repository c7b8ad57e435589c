import { z } from "zod";
import { projectIdSchema } from "./auth";

export const webhookSettingsSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/, error: "Webhook url must be an http(s) URL" }).max(2048),
  secret: z
    .string({ error: "Webhook secret must be a string" })
    .min(16, { error: "Webhook secret must be at least 16 characters" })
    .max(256),
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
  userId: z.uuid({ error: "userId must be a UUID" }),
  reason: z.string({ error: "reason is required" }).trim().min(1, { error: "reason is required" }).max(500),
  endsAt: z.iso.datetime({ offset: true, error: "endsAt must be an ISO timestamp" }).nullable().optional(),
});

export const teamCreateInputSchema = z.strictObject({
  projectId: projectIdSchema.optional(),
  displayName: z
    .string({ error: "displayName is required" })
    .trim()
    .min(1, { error: "displayName is required" })
    .max(200),
});

export const teamSchema = z.object({ id: z.uuid(), displayName: z.string(), projectId: z.string() });

export const teamMemberAddInputSchema = z.strictObject({
  teamId: z.uuid({ error: "teamId must be a UUID" }),
  userId: z.uuid({ error: "userId must be a UUID" }),
});
