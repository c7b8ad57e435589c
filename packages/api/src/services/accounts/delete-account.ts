import { type Database, Prisma } from "@profilehub/db";

import type { CallerSession } from "../../context";
import { ACCOUNT_DELETED_MAIL, accountDeletedMail } from "../../mail/account-deleted";
import { inEveryLocale } from "../../mail/localized";
import { callerSessionLive, outboxInsert, userMatches, type UserRef } from "../database/sql";

/** What proved the right to delete (stored in the tombstone). */
export type DeletionProof = "password" | "totp" | "password+totp" | "session" | "server_key";

export interface AccountDeletionRequest {
  target: UserRef;
  /** Only a user of this project (`null`: any; server access unscoped). */
  projectId: string | null;
  /** The caller's session, which must still be live when the statement runs (`null`: server access). */
  session: CallerSession | null;
  actorType: "user" | "server";
  door: string;
  requestId: string;
  proof: DeletionProof;
}

/**
 * Deletes an account in one statement (one transaction): locks the row, writes the tombstone
 * (`account_deletions`: ids, project, door, proof, dates — nothing personal), drops the account's
 * earlier mails and its abuse-limit counters (they hold its address), queues the notice to the
 * address in the account's language (`userId` null: it outlives the row), and deletes the user;
 * its sessions, refresh tokens, email links, memberships, suspensions and audit rows go with it
 * (foreign keys, ON DELETE CASCADE). `null` when there was nothing to delete: no such user, or the
 * caller's session ended meanwhile (a concurrent deletion waits for the row lock, then finds none).
 */
export async function deleteAccount(
  db: Database,
  request: AccountDeletionRequest,
): Promise<{ userId: string; email: string } | null> {
  const scope = request.projectId === null ? Prisma.empty : Prisma.sql`AND u."projectId" = ${request.projectId}`;
  const notice = outboxInsert({
    userId: Prisma.sql`NULL::uuid`,
    kind: ACCOUNT_DELETED_MAIL,
    to: Prisma.sql`email`,
    mail: inEveryLocale(accountDeletedMail),
    locale: Prisma.sql`locale`,
    from: Prisma.sql`target`,
  });
  const rows = await db.$queryRaw<{ userId: string; email: string }[]>`
    WITH target AS (
      SELECT u.id, u.number, u."projectId", u.email, u.locale, u."createdAt" FROM users u
      WHERE ${userMatches("u", request.target)} ${scope} AND ${callerSessionLive(request.session)}
      FOR UPDATE
    ), tombstone AS (
      INSERT INTO account_deletions ("userId", "userNumber", "projectId", "actorType", door, "requestId", proof, "accountCreatedAt")
      SELECT id, number, "projectId", ${request.actorType}, ${request.door}, ${request.requestId}, ${request.proof}, "createdAt"
      FROM target
    ), earlier_mails AS (
      DELETE FROM mail_outbox m USING target WHERE m."userId" = target.id
    ), counters AS (
      DELETE FROM abuse_limits a USING target
      WHERE strpos(a.key, to_json(target.email)::text) > 0 OR strpos(a.key, to_json(target.id::text)::text) > 0
    ), notice AS (${notice}),
    gone AS (DELETE FROM users u USING target WHERE u.id = target.id RETURNING u.id, u.email)
    SELECT id AS "userId", email FROM gone`;
  return rows[0] ?? null;
}
