import { randomBytes } from "node:crypto";
import { Secret, TOTP } from "otpauth";

/** RFC 6238 defaults, as every authenticator app expects them. */
const PERIOD_SECONDS = 30;
const DIGITS = 6;

function totpFor(secret: Secret, label = "ProfileHub"): TOTP {
  return new TOTP({ issuer: "ProfileHub", label, secret, algorithm: "SHA1", digits: DIGITS, period: PERIOD_SECONDS });
}

/** A new 20-byte secret (RFC 4226's recommended size). */
export function newTotpSecret(): { base32: string; base64: string } {
  const bytes = randomBytes(20);
  return { base32: new Secret({ buffer: new Uint8Array(bytes).buffer }).base32, base64: bytes.toString("base64") };
}

export function base32ToBase64(base32: string): string | null {
  try {
    return Buffer.from(Secret.fromBase32(base32.replace(/\s+/g, "").toUpperCase()).bytes).toString("base64");
  } catch {
    return null;
  }
}

/** The `otpauth://` URL an authenticator app scans. */
export function otpauthUrl(secretBase32: string, accountName: string): string {
  return totpFor(Secret.fromBase32(secretBase32), accountName).toString();
}

/**
 * The time step of a valid code (±1 step of clock drift), or `null`. A step at or before
 * `lastUsedStep` is refused: a code is never accepted twice.
 */
export function verifyTotp(
  secretBase64: string,
  code: string,
  lastUsedStep: number | null,
  now = Date.now(),
): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const secret = new Secret({ buffer: new Uint8Array(Buffer.from(secretBase64, "base64")).buffer });
  const delta = totpFor(secret).validate({ token: code, timestamp: now, window: 1 });
  if (delta === null) return null;
  const step = Math.floor(now / 1000 / PERIOD_SECONDS) + delta;
  return lastUsedStep !== null && step <= lastUsedStep ? null : step;
}
