/**
 * The English wording of every problem and refusal, and the reference for their params: each
 * `problem<P>` / `reason<P>` declares what its code carries (`{}` when nothing). French
 * (./wording-fr.ts) must word the same codes with the same params.
 */
import type { ErrorReason, ProblemCode } from "./codes";
import { LABELS_EN } from "./labels-en";
import type { ProblemTemplate, ReasonTemplate, Wording } from "./wording";

/** Declares a problem and the params it carries. */
const problem = <P extends object = Record<never, never>>(template: ProblemTemplate<P>) => template;
/** Declares a refusal and the params it carries. */
const reason = <P extends object = Record<never, never>>(template: ReasonTemplate<P>) => template;

const list = (values: readonly string[]) => values.join(", ");
const seconds = (value: number) => `${value} second${value === 1 ? "" : "s"}`;

export const PROBLEMS_EN = {
  // --- shape of the request ---------------------------------------------------------------
  not_an_object: problem(() => "The update must be a JSON object"),
  unknown_field: problem(() => "Unknown field"),
  read_only: problem(() => "This field is read-only"),
  server_only: problem(() => "Only server access can change this field"),
  exclusive_with: problem<{ other: string }>(
    ({ other }, { field, name }) => `Send either ${name(other)} or ${name(field.key)}, not both`,
  ),
  only_with: problem<{ other: string }>(
    ({ other }, { field, name }) => `${name(field.key)} is only used with ${name(other)}`,
  ),
  required: problem((_, { field }) => `${field.text} is required`),
  invalid_form_json: problem(() => "The json field must be a valid JSON string holding an object of fields"),
  missing_param: problem<{ param: string }>(({ param }) => `param is missing or the value is empty: ${param}`),

  // --- types and formats --------------------------------------------------------------------
  invalid_type: problem<{ expected: string }>(
    ({ expected }, { field }) => `${field.text} must be ${field.expects ?? EXPECTED_EN[expected] ?? `a ${expected}`}`,
  ),
  empty: problem((_, { field }) => `${field.text} cannot be empty (send null to clear it)`),
  too_short: problem<{ minimum: number }>(
    ({ minimum }, { field }) => `${field.text} is too short (minimum is ${minimum} characters)`,
  ),
  too_long: problem<{ maximum: number }>(
    ({ maximum }, { field }) => `${field.text} is too long (maximum is ${maximum} characters)`,
  ),
  too_many_items: problem<{ maximum: number }>(
    ({ maximum }, { field }) => `${field.text} can hold at most ${maximum} entries`,
  ),
  not_one_of: problem<{ values: readonly string[] }>(
    ({ values }, { field }) => `${field.text} must be one of: ${list(values)}`,
  ),
  out_of_range: problem<{ minimum: number; maximum: number }>(
    ({ minimum, maximum }, { field }) => `${field.text} must be between ${minimum} and ${maximum}`,
  ),
  invalid_email: problem(() => "Email is invalid"),
  invalid_uuid: problem((_, { field }) => `${field.text} must be a UUID`),
  invalid_characters: problem(
    (_, { field }) => `${field.text} contains characters that cannot be stored (NUL or unpaired surrogates)`,
  ),
  too_deeply_nested: problem<{ maximum: number }>(
    ({ maximum }) => `The request is nested too deeply (maximum is ${maximum} levels)`,
  ),
  letters_only: problem((_, { field }) => `${field.text} must contain only letters`),

  // --- field rules --------------------------------------------------------------------------
  username_too_short: problem<{ minimum: number }>(
    ({ minimum }) => `Username is too short after sanitizing (minimum is ${minimum} characters of a-z, 0-9, . and _)`,
  ),
  invalid_date: problem(() => "Birthdate must be an ISO date (YYYY-MM-DD)"),
  date_out_of_range: problem<{ minimum: string }>(({ minimum }) => `Birthdate must be between ${minimum} and today`),
  invalid_tag: problem<{ maximum: number }>(
    ({ maximum }, { field }) => `${field.text} must be 1-${maximum} characters of letters, digits, _ . : -`,
  ),
  invalid_expo_push_token: problem(
    () => "Expo push token must be in format ExponentPushToken[...] or ExpoPushToken[...]",
  ),
  invalid_project_id: problem((_, { field }) => `${field.text} must be 1-64 characters of letters, digits, _ and -`),
  invalid_url: problem((_, { field }) => `${field.text} must be an http(s) URL`),
  invalid_timestamp: problem((_, { field }) => `${field.text} must be an ISO timestamp`),

  // --- images -------------------------------------------------------------------------------
  image_not_https: problem(() => "Image must be an https URL or a base64 data URL"),
  image_url_too_long: problem<{ maximum: number }>(
    ({ maximum }) => `Image URL is too long (maximum is ${maximum} characters)`,
  ),
  image_malformed_data_url: problem(() => "Image data URL must look like data:image/<type>;base64,<data>"),
  image_invalid_base64: problem(() => "Image data is not valid base64"),
  image_too_large: problem<{ maximumKb: number }>(({ maximumKb }) => `Image must be smaller than ${maximumKb} KB`),
  image_unsupported_type: problem(() => "Image data is not a PNG, JPEG, GIF, WebP or AVIF image"),
  image_type_mismatch: problem<{ actual: string; declared: string }>(
    ({ actual, declared }) => `Image data is ${actual}, not ${declared}`,
  ),

  // --- metadata -----------------------------------------------------------------------------
  metadata_too_large: problem<{ maximumKb: number }>(
    ({ maximumKb }) => `Metadata is too large (maximum is ${maximumKb} KB as JSON)`,
  ),
  metadata_too_deep: problem<{ maximum: number }>(
    ({ maximum }) => `Metadata is nested too deeply (maximum is ${maximum} levels)`,
  ),
  metadata_key_empty: problem(() => "Metadata keys cannot be empty"),
  metadata_key_too_long: problem<{ maximum: number }>(
    ({ maximum }) => `Metadata keys are at most ${maximum} characters`,
  ),

  // --- secrets ------------------------------------------------------------------------------
  password_hash_unsupported: problem(
    () => "Password hash must be a bcrypt ($2a$/$2b$/$2y$) or argon2id hash in Modular Crypt Format",
  ),
  password_hash_cost: problem<{ parameter: string; minimum: number; maximum: number; unit?: string }>(
    ({ parameter, minimum, maximum, unit }) =>
      `${parameter} must be between ${minimum} and ${maximum}${unit ? ` ${unit}` : ""}`,
  ),
  invalid_totp_secret: problem(() => "TOTP secret must be base64 encoding 10 to 64 bytes"),
  totp_code_format: problem(() => "The two-factor code is 6 digits"),
  totp_code_invalid: problem(() => "This code is wrong or was already used"),
  recovery_code_format: problem(
    () => "A recovery code is 16 letters and digits, as shown when it was saved (e.g. ABCD-EFGH-JKMN-PQRS)",
  ),
  totp_off: problem(() => "Two-factor authentication is off: turn it on to get recovery codes"),
  totp_code_mismatch: problem(() => "This code does not match: check the app's clock and try the next code"),

  // --- rules that need the stored account ---------------------------------------------------
  taken: problem((_, { field }) => `${field.text} has already been taken`),
  current_password_required: problem(() => "Current password is required to set a new password"),
  current_password_incorrect: problem(() => "Current password is incorrect"),
  /** Deleting an account: the typed confirmation is not the account's email address. */
  confirmation_mismatch: problem(() => "Type your email address exactly as shown to confirm"),
  password_unchanged: problem(() => "New password must be different from the current password"),
  /** A door that signs the current session out otherwise (Stack's sessions list refuses to revoke it). */
  current_session: problem(() => "This is the current session: sign out instead"),
  not_team_member: problem(() => "You are not a member of this team"),
  changed_concurrently: problem(() => "The user was changed by another request; try again"),
  password_changed_concurrently: problem(() => "The password was changed by another request; try again"),
  address_taken_since: problem(() => "This address is now used by another account"),
  duplicate: problem(() => "A conflicting record already exists"),
  /** Anything a schema reports without a code of ours (a bug to fix: every schema names codes). */
  invalid: problem((_, { field }) => `${field.text} is invalid`),
} as const satisfies Record<ProblemCode, unknown>;

const EXPECTED_EN: Record<string, string> = {
  string: "a string",
  number: "a number",
  boolean: "a boolean",
  array: "an array",
  object: "an object",
  record: "a JSON object",
};

const WEBHOOK_FAILURES = {
  timeout: "The validation webhook did not answer in time",
  unreachable: "The validation webhook is unreachable",
  bad_signature: "The validation webhook's reply is not signed correctly",
  not_json: "The validation webhook's reply is not JSON",
  no_verdict: 'The validation webhook\'s reply has no boolean "valid"',
} as const;
export type WebhookFailure = keyof typeof WEBHOOK_FAILURES | "status";

const REFRESH_FAILURES = {
  unknown: "Refresh token is invalid",
  expired: "Refresh token has expired",
  reused: "Refresh token was already used: the session has been revoked",
  revoked: "Session has been revoked or has expired",
} as const;
export type RefreshFailure = keyof typeof REFRESH_FAILURES;

export const REASONS_EN = {
  /** Invalid input: the issues say what (the message is the only issue's, or a count). */
  validation: reason<{ count: number }>(({ count }) => `${count} fields are invalid`),
  /** A write that collided with another (a taken email, a concurrent change): see the issues. */
  conflict: reason<{ count: number }>(({ count }) => `${count} conflicts`),
  invalid_json: reason(() => "Request body is not valid JSON"),
  token_missing: reason(() => "Authentication required"),
  token_invalid: reason(() => "Access token is invalid"),
  token_expired: reason(() => "Access token has expired"),
  session_revoked: reason(() => "Session has been revoked or has expired"),
  /** The token is valid, but for another project than the one the request names. */
  project_mismatch: reason<{ expected: string; actual: string }>(
    ({ expected, actual }) => `Access token is for project ${actual}, not ${expected}`,
  ),
  invalid_credentials: reason<{ accountGone?: boolean }>(({ accountGone }) =>
    accountGone ? "The account no longer exists" : "Invalid email or password",
  ),
  invalid_grant: reason<{ failure: RefreshFailure }>(({ failure }) => REFRESH_FAILURES[failure]),
  /** `attemptCode`: Stack's door, where a second request (`/auth/mfa/sign-in`) brings the code. */
  totp_required: reason<{ attemptCode?: string }>(
    () => "Two-factor authentication is on: send the current code as totp",
  ),
  totp_invalid: reason(() => "The two-factor code is wrong or was already used"),
  /** Stack Auth's door: the project has a publishable client key and the request sent another one (or none). */
  publishable_key_invalid: reason<{ projectId: string; missing: boolean }>(({ missing }) =>
    missing ? "This project requires its publishable client key" : "The publishable client key is not this project's",
  ),
  mailbox_disabled: reason(() => "Mail is sent through SMTP: there is no development mailbox"),
  csrf_failed: reason(() => "Cookie-authenticated calls must come from the app's pages"),
  server_key_invalid: reason(() => "A valid server key is required"),
  /**
   * Not yours to read or update — or, for `browser_session`, a door that cannot hold a cookie
   * session; for `client_deletion`, a project that has not turned on dialect D's client deletion.
   */
  forbidden: reason<{ action: "read" | "update" | "browser_session" | "client_deletion" }>(({ action }) =>
    action === "browser_session"
      ? "This door cannot hold a browser session"
      : action === "client_deletion"
        ? "Client user deletion is not enabled for this project"
        : `You can only ${action} your own account`,
  ),
  /** No such user (or, for `session`, none of the user's sessions has that id). */
  user_not_found: reason<{ of?: "team_project" | "session" }>(({ of }) =>
    of === "session"
      ? "No such session"
      : of === "team_project"
        ? "User not found in the team's project"
        : "User not found",
  ),
  team_not_found: reason(() => "Team not found"),
  webhook_rejected: reason<{ message: string }>(({ message }) => message),
  webhook_failed: reason<{ failure: WebhookFailure; status?: number }>(({ failure, status }) =>
    failure === "status" ? `The validation webhook answered with status ${status}` : WEBHOOK_FAILURES[failure],
  ),
  email_token_invalid: reason(() => "This link is invalid, already used or expired"),
  rate_limited: reason<{ retryAfterSeconds: number }>(
    ({ retryAfterSeconds }) => `Too many attempts; try again in ${seconds(retryAfterSeconds)}`,
  ),
  /** A typed client older than the oldest API version the server answers (`/api/trpc`). */
  client_outdated: reason<{ clientVersion: number | null; declared: string; serverVersion: number; minimum: number }>(
    ({ clientVersion, declared, serverVersion, minimum }) =>
      `This client speaks ${clientVersion === null ? `an unreadable API version ("${declared}")` : `ProfileHub API version ${clientVersion}`}; ` +
      `this server (API version ${serverVersion}) needs version ${minimum} or newer: update @profilehub/client (or the profilehub CLI)`,
  ),
  // Transport-level problems, found by the HTTP doors before the router is called.
  payload_too_large: reason<{ maximumBytes?: number }>(() => "Request body is too large"),
  unsupported_media_type: reason<{ accepted: readonly string[] }>(
    ({ accepted }) => `Unsupported Content-Type: send ${accepted.join(" or ")}`,
  ),
  method_not_allowed: reason<{ method: string; allowed: readonly string[] }>(
    ({ method, allowed }) => `Method ${method} is not allowed here; use ${allowed.join(", ")}`,
  ),
  /** No route of this API answers the path (an unknown path under an API prefix). */
  route_not_found: reason<{ method: string; path: string }>(({ method, path }) => `No route ${method} ${path}`),
  unavailable: reason(() => "Service unavailable: the database cannot be reached"),
  internal: reason(() => "Internal server error"),
} as const satisfies Record<ErrorReason, unknown>;

export const ENGLISH_WORDING: Wording = { locale: "en", labels: LABELS_EN, problems: PROBLEMS_EN, reasons: REASONS_EN };
