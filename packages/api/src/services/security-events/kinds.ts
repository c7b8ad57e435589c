/**
 * The security events an account records: each is an audit row `security.<kind>` (with door,
 * device and request id) and, for those with an alert, a mail when the person keeps the
 * "security alerts by email" preference on (`always`: the flow's own notice, sent whatever the
 * preference). Another flow adds its kind here and its wording in `mail/security-alerts.ts`.
 */
export const SECURITY_EVENTS = {
  sign_in: { alert: "preference" },
  sign_out: { alert: "none" },
  session_revoked: { alert: "none" },
  password_changed: { alert: "preference" },
  password_reset: { alert: "always" },
  email_changed: { alert: "preference" },
  totp_enabled: { alert: "preference" },
  totp_disabled: { alert: "preference" },
  recovery_code_used: { alert: "preference" },
  recovery_codes_regenerated: { alert: "preference" },
} as const satisfies Record<string, { alert: "preference" | "always" | "none" }>;

export type SecurityEventKind = keyof typeof SECURITY_EVENTS;

/** The `notifications` key of the "security alerts by email" preference (off unless chosen). */
export const SECURITY_ALERTS_PREFERENCE = "email_security_alerts";

/** The audit action of a security event, e.g. `security.sign_in`. */
export const securityAction = (kind: SecurityEventKind): string => `security.${kind}`;
