import { Prisma, type Database } from "@profilehub/db";
import { splitMetadataPatch, type UserUpdate, type UserView } from "@profilehub/validators";
import type { SecretBox } from "../../crypto/secret-box";
import { appError } from "../../errors";
import { callValidateUserUpdated } from "../webhooks/validate-user-updated";
import type { UserRef } from "./update-statement";
import { toUserView, userProjection, type UserRow } from "./user-view";

const REDACTED = "[redacted]";
const SECRET_FIELDS = new Set(["password", "passwordHash", "totpSecretBase64", "serverMetadata", "currentPassword"]);

/** `{field: {from, to}}` for what the update would change, with secrets redacted. */
export function describeChanges(current: UserView, update: UserUpdate): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, value] of Object.entries(update) as [keyof UserUpdate, unknown][]) {
    if (value === undefined || key === "currentPassword" || key === "signOutOtherSessions") continue;
    if (SECRET_FIELDS.has(key)) {
      const field = key === "passwordHash" ? "password" : key === "totpSecretBase64" ? "totpSecret" : key;
      changes[field] = { from: REDACTED, to: value === null ? null : REDACTED };
      continue;
    }
    if (key === "userMetadataPatch") {
      const { set, remove } = splitMetadataPatch(update.userMetadataPatch ?? {});
      const merged = { ...current.userMetadata, ...set };
      for (const removed of remove) delete merged[removed];
      changes.userMetadata = { from: current.userMetadata, to: merged };
      continue;
    }
    const field = key === "emailVerified" ? "emailVerified" : key;
    const from = (current as unknown as Record<string, unknown>)[field] ?? null;
    if (JSON.stringify(from) !== JSON.stringify(value)) changes[field] = { from, to: value };
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
  const where =
    "id" in options.target
      ? Prisma.sql`u.id = ${options.target.id}::uuid`
      : Prisma.sql`u.number = ${options.target.number}::int`;
  const rows = await deps.db.$queryRaw<WebhookRow[]>`
    SELECT p."webhookUrl", p."webhookSecretEncrypted", ${userProjection("u", false)}
    FROM users u JOIN projects p ON p.id = u."projectId" WHERE ${where}`;
  const row = rows[0];
  if (!row) throw appError("user_not_found", "User not found");
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
  if (!verdict.ok) {
    throw appError(verdict.reason === "rejected" ? "webhook_rejected" : "webhook_failed", verdict.message);
  }
  return seen;
}
