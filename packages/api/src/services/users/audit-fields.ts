/**
 * How each audited field is read from a user row (`alias` is `target` for the old row and
 * `updated` for the new one). Secret fields are compared for real but recorded as "[redacted]".
 */
interface AuditField {
  expression: (alias: string) => string;
  secret?: boolean;
}

const column = (name: string): AuditField => ({ expression: (alias) => `to_jsonb(${alias}."${name}")` });
const secretColumn = (name: string): AuditField => ({ ...column(name), secret: true });

export const AUDIT_FIELDS = {
  email: column("email"),
  pendingEmail: column("pendingEmail"),
  emailVerifiedAt: column("emailVerifiedAt"),
  emailAuthEnabled: column("emailAuthEnabled"),
  displayName: column("displayName"),
  firstName: column("firstName"),
  lastName: column("lastName"),
  username: column("username"),
  avatarUrl: column("avatarUrl"),
  bio: column("bio"),
  birthdate: column("birthdate"),
  location: {
    expression: (alias) =>
      `CASE WHEN ${alias}."locationLongitude" IS NULL THEN 'null'::jsonb ELSE jsonb_build_object('longitude', ${alias}."locationLongitude", 'latitude', ${alias}."locationLatitude") END`,
  },
  locale: column("locale"),
  featureFlags: column("featureFlags"),
  notifications: column("notifications"),
  expoPushToken: column("expoPushToken"),
  selectedTeamId: column("selectedTeamId"),
  userMetadata: column("userMetadata"),
  appMetadata: column("appMetadata"),
  serverMetadata: secretColumn("serverMetadata"),
  password: secretColumn("passwordHash"),
  totpSecret: secretColumn("totpSecretEncrypted"),
} satisfies Record<string, AuditField>;

export type AuditFieldName = keyof typeof AUDIT_FIELDS;

const REDACTED = `'"[redacted]"'::jsonb`;

/**
 * A SQL expression yielding `{field: {from, to}}` for the fields that differ between the
 * `target` (old) and `updated` (new) rows; `{}` when nothing changed.
 */
export function auditDiffExpression(fields: Iterable<AuditFieldName>): string {
  const rows = [...fields].map((name) => {
    const field: AuditField = AUDIT_FIELDS[name];
    const before = field.expression("target");
    const after = field.expression("updated");
    const shownBefore = field.secret
      ? `CASE WHEN ${before} IS NULL OR ${before} = 'null'::jsonb THEN 'null'::jsonb ELSE ${REDACTED} END`
      : before;
    const shownAfter = field.secret
      ? `CASE WHEN ${after} IS NULL OR ${after} = 'null'::jsonb THEN 'null'::jsonb ELSE ${REDACTED} END`
      : after;
    return `('${name}', ${before} IS DISTINCT FROM ${after}, ${shownBefore}, ${shownAfter})`;
  });
  if (rows.length === 0) return `'{}'::jsonb`;
  return `(SELECT coalesce(jsonb_object_agg(d.field, jsonb_build_object('from', coalesce(d.before, 'null'::jsonb), 'to', coalesce(d.after, 'null'::jsonb))), '{}'::jsonb)
    FROM (VALUES ${rows.join(",\n      ")}) AS d(field, changed, before, after) WHERE d.changed)`;
}
