import type { Database } from "@profilehub/db";
import type { ProjectUpsertInput, ProjectView } from "@profilehub/validators";

import { stackProjectIdOf } from "../../auth/stack-project-id";
import type { SecretBox } from "../../crypto/secret-box";
import { forgetPublishableKeys } from "../projects/publishable-key";

type WebhookColumns = { webhookUrl: string | null; webhookSecretEncrypted: string | null };

function webhookColumns(input: ProjectUpsertInput, secretBox: SecretBox): Partial<WebhookColumns> {
  if (input.webhooks === undefined) return {};
  const hook = input.webhooks?.validateUserUpdated;
  if (hook === undefined && input.webhooks !== null) return {};
  if (!hook) return { webhookUrl: null, webhookSecretEncrypted: null };
  return { webhookUrl: hook.url, webhookSecretEncrypted: secretBox.encrypt(hook.secret) };
}

type ProjectRow = {
  id: string;
  name: string;
  webhookUrl: string | null;
  publishableClientKey: string | null;
  clientUserDeletionEnabled: boolean;
};

export function toProjectView(project: ProjectRow): ProjectView {
  return {
    id: project.id,
    name: project.name,
    webhooks: { validateUserUpdated: project.webhookUrl ? { url: project.webhookUrl } : null },
    publishableClientKey: project.publishableClientKey,
    clientUserDeletionEnabled: project.clientUserDeletionEnabled,
  };
}

/**
 * Creates or updates a project; `webhooks.validateUserUpdated: null` removes the webhook, `publishableClientKey: null`
 * the key; `clientUserDeletionEnabled` lets dialect D's clients delete their own account (absent: unchanged).
 */
export async function upsertProject(
  db: Database,
  secretBox: SecretBox,
  input: ProjectUpsertInput,
): Promise<ProjectView> {
  const hooks = webhookColumns(input, secretBox);
  const key = input.publishableClientKey === undefined ? {} : { publishableClientKey: input.publishableClientKey };
  const settings =
    input.clientUserDeletionEnabled === undefined ? {} : { clientUserDeletionEnabled: input.clientUserDeletionEnabled };
  const project = await db.project.upsert({
    where: { id: input.projectId },
    create: {
      id: input.projectId,
      name: input.name ?? input.projectId,
      stackProjectId: stackProjectIdOf(input.projectId),
      ...hooks,
      ...key,
      ...settings,
    },
    update: { ...(input.name !== undefined && { name: input.name }), ...hooks, ...key, ...settings },
    select: { id: true, name: true, webhookUrl: true, publishableClientKey: true, clientUserDeletionEnabled: true },
  });
  if (input.publishableClientKey !== undefined) forgetPublishableKeys(db);
  return toProjectView(project);
}
