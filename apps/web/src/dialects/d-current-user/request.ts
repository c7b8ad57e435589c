const METADATA_FIELDS: readonly string[] = ["client_metadata", "client_read_only_metadata", "server_metadata"];

/** Sign-in methods ProfileHub does not have (always off): turning them off is a no-op. */
const ALWAYS_OFF: readonly string[] = ["otp_auth_enabled", "passkey_auth_enabled"];

/**
 * Stack Auth's own spellings of "clear": an empty `display_name` is stored as null, and a null
 * metadata object as an empty one. `otp_auth_enabled`/`passkey_auth_enabled: false` (which Stack's
 * SDK may send) change nothing; `true` is refused as a field this door does not have.
 */
export function normalizeBody(body: Record<string, unknown>): Record<string, unknown> {
  const normalized = { ...body };
  for (const key of ALWAYS_OFF) if (normalized[key] === false) delete normalized[key];
  if (normalized.display_name === "") normalized.display_name = null;
  for (const key of METADATA_FIELDS) if (normalized[key] === null) normalized[key] = {};
  return normalized;
}
