import { Prisma, type Database } from "@profilehub/db";
import type { UserView } from "@profilehub/validators";
import type { CallerSession } from "../../context";
import { appError } from "../../errors";
import type { UserRef } from "./update-statement";
import { toUserView, userProjection, type UserRow } from "./user-view";

export interface ReadUserRequest {
  target: UserRef;
  /** Only a user of this project can be found (`null`: any project). */
  projectId: string | null;
  /** The caller's session, checked in the same query (`null`: server access without a user). */
  session: CallerSession | null;
  serverAccess: boolean;
  /** What the caller is about to do, for the "not yours" message. */
  purpose?: "read" | "update";
}

/** Reads a user the caller may see — themself, or anyone with server access — in one query. */
export async function readUser(db: Database, request: ReadUserRequest): Promise<UserView> {
  const { target, session, serverAccess } = request;
  const where = "id" in target ? Prisma.sql`u.id = ${target.id}::uuid` : Prisma.sql`u.number = ${target.number}::int`;
  const scope = request.projectId === null ? Prisma.empty : Prisma.sql`AND u."projectId" = ${request.projectId}`;
  const live = session
    ? Prisma.sql`EXISTS (SELECT 1 FROM sessions WHERE id = ${session.sessionId}::uuid AND "userId" = ${session.userId}::uuid
        AND "revokedAt" IS NULL AND "expiresAt" > now())`
    : Prisma.sql`true`;
  // The caller's session is checked even when no user matches (LEFT JOIN), so a revoked
  // session is told apart from an unknown user.
  const rows = await db.$queryRaw<{ live: boolean; allowed: boolean; found: boolean; user: UserRow | null }[]>`
    SELECT caller.live, u.id IS NOT NULL AS found,
      coalesce(u.id = ${session?.userId ?? null}::uuid, false) OR ${serverAccess} AS allowed,
      ${userProjection("u", serverAccess)}
    FROM (SELECT ${live} AS live) AS caller
    LEFT JOIN users u ON ${where} ${scope}`;
  const row = rows[0];
  if (!row?.live) throw appError("session_revoked", "Session has been revoked or has expired");
  if (!row.found) throw appError("user_not_found", "User not found");
  if (!row.allowed || !row.user)
    throw appError("forbidden", `You can only ${request.purpose ?? "read"} your own account`);
  return toUserView(row.user, serverAccess);
}

/** The public view of a user the caller has just proven to be (sign-in, token refresh). */
export async function readAuthenticatedUser(db: Database, userId: string): Promise<UserView> {
  const rows = await db.$queryRaw<{ user: UserRow }[]>`
    SELECT ${userProjection("u", false)} FROM users u WHERE u.id = ${userId}::uuid`;
  const row = rows[0];
  if (!row) throw appError("invalid_credentials", "The account no longer exists");
  return toUserView(row.user, false);
}
