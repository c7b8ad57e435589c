import { type Database, Prisma } from "@profilehub/db";
import type { UserView } from "@profilehub/validators";

import type { CallerSession } from "../../context";
import { appError } from "../../errors";
import { callerSessionLive, userMatches, type UserRef } from "../database/sql";
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
  const scope = request.projectId === null ? Prisma.empty : Prisma.sql`AND u."projectId" = ${request.projectId}`;
  // The caller's session is checked even when no user matches (LEFT JOIN), so a revoked
  // session is told apart from an unknown user.
  const rows = await db.$queryRaw<{ live: boolean; allowed: boolean; found: boolean; user: UserRow | null }[]>`
    SELECT caller.live, u.id IS NOT NULL AS found,
      coalesce(u.id = ${session?.userId ?? null}::uuid, false) OR ${serverAccess} AS allowed,
      ${userProjection("u", serverAccess)}
    FROM (SELECT ${callerSessionLive(session)} AS live) AS caller
    LEFT JOIN users u ON ${userMatches("u", target)} ${scope}`;
  const row = rows[0];
  if (!row?.live) throw appError("session_revoked");
  if (!row.found) throw appError("user_not_found");
  if (!row.allowed || !row.user) throw appError("forbidden", { action: request.purpose ?? "read" });
  return toUserView(row.user, serverAccess);
}

/** The public view of a user the caller has just proven to be (sign-in, token refresh). */
export async function readAuthenticatedUser(db: Database, userId: string): Promise<UserView> {
  const rows = await db.$queryRaw<{ user: UserRow }[]>`
    SELECT ${userProjection("u", false)} FROM users u WHERE u.id = ${userId}::uuid`;
  const row = rows[0];
  if (!row) throw appError("invalid_credentials", { accountGone: true });
  return toUserView(row.user, false);
}
