import type { Database } from "@profilehub/db";
import {
  type FieldSpec,
  type JsonObject,
  splitMetadataPatch,
  updateInput,
  USER_FIELDS,
  type UserUpdate,
  type UserView,
} from "@profilehub/validators";

import type { SecretBox } from "../../crypto/secret-box";
import { appError } from "../../errors";
import { userMatches, type UserRef } from "../database/sql";
import { callValidateUserUpdated } from "../webhooks/validate-user-updated";
import { toUserView, userProjection, type UserRow } from "./user-view";

const REDACTED = "[redacted]";

type Changes = Record<string, { from: unknown; to: unknown }>;

/** The merged object a top-level merge patch gives. */
function merged(current: JsonObject, patch: JsonObject): JsonObject {
  const { set, remove } = splitMetadataPatch(patch);
  const result = { ...current, ...set };
  for (const key of remove) delete result[key];
  return result;
}

/**
 * `{field: {from, to}}` for what the update would change, derived from the field registry:
 * secret fields are redacted, merges are shown merged, companions (currentPassword…) omitted.
 */
export function describeChanges(current: UserView, update: UserUpdate): Changes {
  const view = current as unknown as Record<string, unknown>;
  const changes: Changes = {};
  for (const [key, value] of Object.entries(update)) {
    const input = updateInput(key);
    if (!input || value === undefined) continue;
    const spec: FieldSpec = USER_FIELDS[input.field];
    // An input named after the field's presence (`emailVerified`) is compared with it.
    const name = spec.presence === key ? key : input.field;
    if (spec.secret) {
      changes[name] = { from: REDACTED, to: value === null ? null : REDACTED };
      continue;
    }
    const from = view[name] ?? null;
    const to = input.apply === "merge" ? merged(from as JsonObject, value as JsonObject) : value;
    if (input.apply === "merge" || JSON.stringify(from) !== JSON.stringify(to)) changes[name] = { from, to };
  }
  return changes;
}

interface WebhookRow {
  webhookUrl: string | null;
  webhookSecretEncrypted: string | null;
  user: UserRow;
}

/**
 * Asks the project's `validateUserUpdated` webhook about the change. Returns the `updatedAt` of
 * the row it judged: the write must only happen if the row is still that version.
 */
export async function approveWithWebhook(
  deps: { db: Database; secretBox: SecretBox; webhookTimeoutMs: number },
  options: { target: UserRef; update: UserUpdate; door: string },
): Promise<Date> {
  const rows = await deps.db.$queryRaw<WebhookRow[]>`
    SELECT p."webhookUrl", p."webhookSecretEncrypted", ${userProjection("u", false)}
    FROM users u JOIN projects p ON p.id = u."projectId" WHERE ${userMatches("u", options.target)}`;
  const row = rows[0];
  if (!row) throw appError("user_not_found");
  const seen = new Date(row.user.updatedAt);
  if (!row.webhookUrl || !row.webhookSecretEncrypted) return seen; // removed meanwhile
  const current = toUserView(row.user, false);
  const verdict = await callValidateUserUpdated({
    url: row.webhookUrl,
    secret: deps.secretBox.decrypt(row.webhookSecretEncrypted),
    timeoutMs: deps.webhookTimeoutMs,
    data: {
      userId: current.id,
      projectId: current.projectId,
      door: options.door,
      changes: describeChanges(current, options.update),
      user: current,
    },
  });
  if (verdict.ok) return seen;
  throw verdict.reason === "rejected"
    ? appError("webhook_rejected", { message: verdict.message })
    : appError("webhook_failed", verdict.failure);
}
