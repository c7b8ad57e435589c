/**
 * Every problem code (`error.data.issues[].code`) and refusal reason (`error.data.reason`) —
 * part of the API: never rename one. Each language's wording (./wording-en.ts, ./wording-fr.ts)
 * must word exactly these (a type error otherwise); this module carries no wording, so a browser
 * can check a code without shipping a language.
 */
export const PROBLEM_CODES = [
  "not_an_object",
  "unknown_field",
  "read_only",
  "server_only",
  "exclusive_with",
  "only_with",
  "required",
  "invalid_form_json",
  "missing_param",
  "invalid_type",
  "empty",
  "too_short",
  "too_long",
  "too_many_items",
  "not_one_of",
  "out_of_range",
  "invalid_email",
  "invalid_uuid",
  "invalid_characters",
  "too_deeply_nested",
  "letters_only",
  "username_too_short",
  "invalid_date",
  "date_out_of_range",
  "invalid_tag",
  "invalid_expo_push_token",
  "invalid_project_id",
  "invalid_url",
  "invalid_timestamp",
  "image_not_https",
  "image_url_too_long",
  "image_malformed_data_url",
  "image_invalid_base64",
  "image_too_large",
  "image_unsupported_type",
  "image_type_mismatch",
  "metadata_too_large",
  "metadata_too_deep",
  "metadata_key_empty",
  "metadata_key_too_long",
  "password_hash_unsupported",
  "password_hash_cost",
  "invalid_totp_secret",
  "totp_code_format",
  "totp_code_invalid",
  "recovery_code_format",
  "totp_off",
  "totp_code_mismatch",
  "taken",
  "current_password_required",
  "current_password_incorrect",
  "confirmation_mismatch",
  "password_unchanged",
  "current_session",
  "not_team_member",
  "changed_concurrently",
  "password_changed_concurrently",
  "address_taken_since",
  "duplicate",
  "invalid",
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export const ERROR_REASON_CODES = [
  "validation",
  "conflict",
  "invalid_json",
  "token_missing",
  "token_invalid",
  "token_expired",
  "session_revoked",
  "project_mismatch",
  "invalid_credentials",
  "invalid_grant",
  "totp_required",
  "totp_invalid",
  "publishable_key_invalid",
  "mailbox_disabled",
  "csrf_failed",
  "server_key_invalid",
  "forbidden",
  "user_not_found",
  "team_not_found",
  "webhook_rejected",
  "webhook_failed",
  "email_token_invalid",
  "rate_limited",
  "client_outdated",
  "payload_too_large",
  "unsupported_media_type",
  "method_not_allowed",
  "route_not_found",
  "unavailable",
  "internal",
] as const;
export type ErrorReason = (typeof ERROR_REASON_CODES)[number];

const problemCodes: ReadonlySet<string> = new Set(PROBLEM_CODES);
const reasonCodes: ReadonlySet<string> = new Set(ERROR_REASON_CODES);

export function isProblemCode(value: unknown): value is ProblemCode {
  return typeof value === "string" && problemCodes.has(value);
}

export function isErrorReason(value: unknown): value is ErrorReason {
  return typeof value === "string" && reasonCodes.has(value);
}
