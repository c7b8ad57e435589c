/**
 * Rules without zod, which the schemas are built on and the browser uses directly: the few
 * checks the signed-out forms (sign in, sign up, forgot and reset password) run before sending
 * (the same constants, pattern and problem codes as the shared schemas, which the server applies
 * to every request anyway), and the username's sanitizing (the signed-in pages' optimistic
 * update). Keeping zod out of a page keeps its first-load JavaScript small (docs/performance.md,
 * "Pages"). Each check answers the problem the schema would report first for that field, or the
 * value as the schema outputs it.
 */
import type { ProblemCode } from "./problems/catalog";

/**
 * zod's own email pattern (`z.email()`'s default), which `emailSchema` names explicitly; written
 * exactly as zod writes it, since its source appears in the OpenAPI document.
 */
export const EMAIL_PATTERN =
  // eslint-disable-next-line no-useless-escape -- zod's source, byte for byte
  /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;
export const EMAIL_MAX_LENGTH = 254;

/** The native API's minimum; dialects may document their own (A: 6, E: 8). */
export const DEFAULT_PASSWORD_MIN_LENGTH = 8;
/** Upper bound keeps hashing cheap and stays below bcrypt's 72-byte limit for imported hashes' peers. */
export const PASSWORD_MAX_LENGTH = 128;

/**
 * The alphabet of recovery codes: Crockford's base32 (no I, L, O, U), so a code read aloud or
 * copied by hand survives; 16 characters = 80 random bits, shown as `ABCD-EFGH-JKMN-PQRS`.
 */
export const RECOVERY_CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const RECOVERY_CODE_LENGTH = 16;

/**
 * A code as typed: case, spaces and dashes do not matter, and the letters Crockford's base32
 * leaves out are read as the digits they look like (I, L → 1; O → 0). `null` if it cannot be one.
 */
export function normalizeRecoveryCode(input: string): string | null {
  const code = input
    .toUpperCase()
    .replace(/[\s-]+/g, "")
    .replace(/[IL]/g, "1")
    .replace(/O/g, "0");
  if (code.length !== RECOVERY_CODE_LENGTH) return null;
  return [...code].every((character) => RECOVERY_CODE_ALPHABET.includes(character)) ? code : null;
}

/** A 6-digit code of an authenticator app. */
export const TOTP_CODE_PATTERN = /^\d{6}$/;

export type FieldCheck<T = string> =
  { ok: true; value: T } | { ok: false; code: ProblemCode; params?: Record<string, unknown> };

const ok = <T>(value: T): FieldCheck<T> => ({ ok: true, value });

/** As `emailSchema`: trimmed, lowercased, an address, at most 254 characters. */
export function checkEmail(input: string): FieldCheck {
  const value = input.trim().toLowerCase();
  if (!EMAIL_PATTERN.test(value)) return { ok: false, code: "invalid_email" };
  if (value.length > EMAIL_MAX_LENGTH) return { ok: false, code: "too_long", params: { maximum: EMAIL_MAX_LENGTH } };
  return ok(value);
}

/** As `passwordSchema()`: 8 to 128 characters. */
export function checkNewPassword(value: string, minLength: number = DEFAULT_PASSWORD_MIN_LENGTH): FieldCheck {
  if (value.length < minLength) return { ok: false, code: "too_short", params: { minimum: minLength } };
  if (value.length > PASSWORD_MAX_LENGTH)
    return { ok: false, code: "too_long", params: { maximum: PASSWORD_MAX_LENGTH } };
  return ok(value);
}

/** As `totpCodeSchema`: trimmed, 6 digits. */
export function checkTotpCode(input: string): FieldCheck {
  const value = input.trim();
  return TOTP_CODE_PATTERN.test(value) ? ok(value) : { ok: false, code: "totp_code_format" };
}

/** As `recoveryCodeSchema`: at most 64 characters typed, normalized to 16 of Crockford's base32. */
export function checkRecoveryCode(input: string): FieldCheck {
  const code = input.length > 64 ? null : normalizeRecoveryCode(input);
  return code === null ? { ok: false, code: "recovery_code_format" } : ok(code);
}

export const USERNAME_MIN_LENGTH = 3;
export const USERNAME_MAX_LENGTH = 30;

/**
 * Trimmed, lowercased, and every character other than a–z, 0–9, `.` and `_` removed
 * (`"  Jane.Doe_99 "` → `jane.doe_99`, `"Bad Name!"` → `badname`).
 */
export function sanitizeUsername(raw: string): string {
  return raw
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9._]/g, "");
}

export const BIO_MAX_LENGTH = 1000;

export const LOCALES = ["en", "fr"] as const;
export type Locale = (typeof LOCALES)[number];
