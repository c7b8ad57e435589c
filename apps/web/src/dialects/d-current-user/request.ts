import { CLIENT_FIELDS, currentUserFields, type CurrentUserField } from "./contract";
import type { AccessType } from "./stack-auth";

const METADATA_FIELDS: readonly string[] = ["client_metadata", "client_read_only_metadata", "server_metadata"];

/**
 * Keys the caller may not send: unknown ones, and for client access every field outside Stack
 * Auth's client schema. All of them, in the order sent.
 */
export function offendingKeys(body: Record<string, unknown>, accessType: AccessType): string[] {
  const allowed: readonly string[] = accessType === "server" ? currentUserFields.names : CLIENT_FIELDS;
  return Object.keys(body).filter((key) => !allowed.includes(key as CurrentUserField));
}

/**
 * Stack Auth's own spellings of "clear": an empty `display_name` is stored as null, and a null
 * metadata object as an empty one.
 */
export function normalizeBody(body: Record<string, unknown>): Record<string, unknown> {
  const normalized = { ...body };
  if (normalized.display_name === "") normalized.display_name = null;
  for (const key of METADATA_FIELDS) if (normalized[key] === null) normalized[key] = {};
  return normalized;
}
