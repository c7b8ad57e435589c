import { type Database, Prisma } from "@profilehub/db";

import { hashOpaqueToken } from "../../auth/opaque-token";
import { appError, conflictingField } from "../../errors";
import { auditInsert } from "../database/sql";
import { uniqueViolation } from "../database/unique-violation";
import { clientDetails, type EventClient, securityEventCtes } from "../security-events";

/** The fields a used link changed, as the audit log records them. */
const LINK_CHANGES = Prisma.sql`(CASE WHEN target.email <> updated.email
    THEN jsonb_build_object('email', jsonb_build_object('from', target.email, 'to', updated.email))
    ELSE '{}'::jsonb END)
  || (CASE WHEN target."pendingEmail" IS NOT NULL AND link.purpose = 'change_email'
    THEN jsonb_build_object('pendingEmail', jsonb_build_object('from', target."pendingEmail", 'to', null))
    ELSE '{}'::jsonb END)
  || jsonb_build_object('emailVerifiedAt', jsonb_build_object('from', target."emailVerifiedAt", 'to', updated."emailVerifiedAt"))`;

export interface VerifiedEmail {
  userId: string;
  email: string;
  /** `change_email`: a pending change was applied; `verify_email`: the current address was verified. */
  purpose: "change_email" | "verify_email";
  /** An alert mail was queued (poke the mail worker). */
  alerted: boolean;
}

const LIVE_LINK = (tokenHash: string) => Prisma.sql`"tokenHash" = ${tokenHash} AND "usedAt" IS NULL
  AND "expiresAt" > now() AND purpose IN ('change_email', 'verify_email')`;

/**
 * Uses a mailed link, once: applies the pending email change or marks the address verified. A
 * change is recorded as the `email_changed` security event (its alert, if wanted, goes to the old
 * address), a verification as `user.email_verified`. A link for an address that is no longer
 * pending or current is refused.
 */
export async function verifyEmailToken(
  db: Database,
  token: string,
  request: { requestId: string; client: EventClient },
): Promise<VerifiedEmail> {
  const tokenHash = hashOpaqueToken(token);
  // The addresses, for the alert's wording (the statement re-checks everything).
  const [seen] = await db.$queryRaw<{ from: string; to: string }[]>`
    SELECT u.email AS "from", t.email AS "to" FROM email_tokens t JOIN users u ON u.id = t."userId"
    WHERE ${LIVE_LINK(tokenHash)}`;
  const changed = Prisma.sql`target.email <> updated.email`;
  const event = securityEventCtes(
    "changed",
    {
      kind: "email_changed",
      door: "auth",
      requestId: request.requestId,
      client: request.client,
      ...(seen ? { email: seen } : {}),
    },
    {
      alias: "updated",
      from: Prisma.sql`updated, target, link`,
      where: changed,
      to: Prisma.sql`target.email`,
      changes: LINK_CHANGES,
    },
  );
  const audit = auditInsert({
    userId: Prisma.sql`updated.id`,
    actorType: "user",
    actorUserId: Prisma.sql`updated.id`,
    door: "auth",
    requestId: request.requestId,
    action: "user.email_verified",
    changes: LINK_CHANGES,
    details: clientDetails(request.client),
    from: Prisma.sql`updated, target, link`,
    where: Prisma.sql`NOT (${changed})`,
  });
  let rows: (VerifiedEmail & { alerted: boolean })[];
  try {
    rows = await db.$queryRaw<VerifiedEmail[]>`
      WITH link AS (
        UPDATE email_tokens SET "usedAt" = now()
        WHERE ${LIVE_LINK(tokenHash)}
        RETURNING "userId", purpose, email
      ), target AS (
        SELECT u.* FROM users u, link WHERE u.id = link."userId" FOR UPDATE
      ), updated AS (
        UPDATE users u SET
          email = link.email,
          "pendingEmail" = CASE WHEN link.purpose = 'change_email' THEN NULL ELSE u."pendingEmail" END,
          "emailVerifiedAt" = coalesce(CASE WHEN u.email = link.email THEN u."emailVerifiedAt" END, now()),
          "updatedAt" = now()
        -- Reading \`target\` here locks and reads the row before it changes (a locking read after the
        -- update would skip the row this statement updated, and the audit rows would be lost).
        FROM link, target
        WHERE u.id = link."userId" AND u.id = target.id AND (
          (link.purpose = 'change_email' AND u."pendingEmail" = link.email) OR
          (link.purpose = 'verify_email' AND u.email = link.email))
        RETURNING u.id, u.email, u.locale, u.notifications, u."emailVerifiedAt"
      ), audit AS (${audit})${event}
      SELECT updated.id AS "userId", updated.email, link.purpose,
        EXISTS (SELECT 1 FROM changed_alert) AS alerted FROM updated, link`;
  } catch (error) {
    if (uniqueViolation(error)) {
      throw conflictingField("email", "address_taken_since");
    }
    throw error;
  }
  const verified = rows[0];
  if (!verified) throw appError("email_token_invalid");
  return { userId: verified.userId, email: verified.email, purpose: verified.purpose, alerted: verified.alerted };
}
