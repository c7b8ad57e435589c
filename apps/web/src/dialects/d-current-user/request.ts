const METADATA_FIELDS: readonly string[] = ["client_metadata", "client_read_only_metadata", "server_metadata"];

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
