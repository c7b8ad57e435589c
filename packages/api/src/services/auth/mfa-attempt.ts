import type { SecretBox } from "../../crypto/secret-box";

/** How long Stack's MFA attempt code is good for (Stack: 5 minutes). */
const ATTEMPT_TTL_MS = 5 * 60 * 1000;
const PURPOSE = "stack-mfa-attempt";

/** Who proved their password and still owes a TOTP code. */
export interface MfaAttempt {
  userId: string;
  projectId: string;
  email: string;
}

/**
 * Stack Auth's `attempt_code` (its `MULTI_FACTOR_AUTHENTICATION_REQUIRED` details): the attempt
 * sealed with the app's AES-GCM key — opaque, tamper-proof and expiring, with nothing stored.
 * A code only lets its holder try TOTP codes, each counted like a failed sign-in.
 */
export function sealMfaAttempt(secretBox: SecretBox, attempt: MfaAttempt, now = Date.now()): string {
  return secretBox.encrypt(JSON.stringify({ purpose: PURPOSE, ...attempt, expiresAt: now + ATTEMPT_TTL_MS }));
}

/** The attempt a code seals; `null` when it is not one of ours or has expired. */
export function openMfaAttempt(secretBox: SecretBox, code: string, now = Date.now()): MfaAttempt | null {
  let sealed: unknown;
  try {
    sealed = JSON.parse(secretBox.decrypt(code));
  } catch {
    return null;
  }
  if (typeof sealed !== "object" || sealed === null) return null;
  const { purpose, userId, projectId, email, expiresAt } = sealed as Record<string, unknown>;
  if (purpose !== PURPOSE || typeof expiresAt !== "number" || expiresAt <= now) return null;
  if (typeof userId !== "string" || typeof projectId !== "string" || typeof email !== "string") return null;
  return { userId, projectId, email };
}
