import { type Database, Prisma } from "@profilehub/db";
import type { UserView } from "@profilehub/validators";

import { hashOpaqueToken, newOpaqueToken } from "../../auth/opaque-token";
import { hashPassword } from "../../auth/passwords";
import { stackProjectIdOf } from "../../auth/stack-project-id";
import type { LimitRule } from "../../config/abuse-limits";
import type { ClientInfo } from "../../context";
import { conflictError } from "../../errors";
import { enforceLimits } from "../abuse/abuse-limits";
import { signUpLimit } from "../abuse/limit-keys";
import { auditInsert, sessionExpiry } from "../database/sql";
import { uniqueViolation } from "../database/unique-violation";
import { toUserView, userProjection, type UserRow } from "../users/user-view";
import { verificationMailStatements } from "./verification-mail";

export interface SignUpRequest {
  email: string;
  password: string;
  projectId: string;
  client: ClientInfo;
  /** Sign-ups allowed per client address (every attempt that reaches here counts). */
  limit: LimitRule;
  requestId: string;
  /** The door the account was created through (recorded in the audit log). */
  door: string;
  /** Also give the session a browser secret (the httpOnly cookie of the web app). */
  web?: boolean;
}

/**
 * Creates the account (and its project, if new), its first session, the audit row and the
 * verification mail, in one statement. A taken email is a clean conflict. App metadata starts as
 * `{"provider": "email"}`: how the account signs in. Sign-ups are limited per client address.
 */
export async function signUp(
  db: Database,
  appUrl: string,
  request: SignUpRequest,
): Promise<{ user: UserView; sessionId: string; refreshToken: string; webSecret: string | null }> {
  await enforceLimits(db, [signUpLimit(request.limit, request.client.ip)]);
  const passwordHash = await hashPassword(request.password);
  const refreshToken = newOpaqueToken();
  const webSecret = request.web ? newOpaqueToken() : null;
  const created = Prisma.sql`created`;
  const { link, queued } = verificationMailStatements(appUrl, request.email, created);
  const audit = auditInsert({
    userId: Prisma.sql`id`,
    actorType: "user",
    actorUserId: Prisma.sql`id`,
    door: request.door,
    requestId: request.requestId,
    action: "user.signup",
    changes: Prisma.sql`jsonb_build_object('email', jsonb_build_object('from', null, 'to', email))`,
    from: created,
  });
  let rows: { sessionId: string; user: UserRow }[];
  try {
    rows = await db.$queryRaw`
      WITH project AS (
        -- No conflict target: every unique index (id and stackProjectId) is an arbiter, so two first
        -- sign-ups of a new project racing each other both succeed (with a target, the loser hit
        -- the other index's unique violation).
        INSERT INTO projects (id, name, "stackProjectId")
        VALUES (${request.projectId}, ${request.projectId}, ${stackProjectIdOf(request.projectId)}::uuid)
        ON CONFLICT DO NOTHING
      ), created AS (
        INSERT INTO users ("projectId", email, "passwordHash", "appMetadata")
        VALUES (${request.projectId}, ${request.email}, ${passwordHash}, '{"provider":"email"}'::jsonb)
        RETURNING *
      ), session AS (
        INSERT INTO sessions ("userId", "expiresAt", "userAgent", "ipAddress", "webSecretHash")
        SELECT id, ${sessionExpiry()}, ${request.client.userAgent}, ${request.client.ip},
          ${webSecret === null ? null : hashOpaqueToken(webSecret)}
        FROM created RETURNING id, "expiresAt"
      ), refresh AS (
        INSERT INTO refresh_tokens ("sessionId", "tokenHash", "expiresAt")
        SELECT id, ${hashOpaqueToken(refreshToken)}, "expiresAt" FROM session
      ), link AS (${link}), mail AS (${queued}), audit AS (${audit})
      SELECT session.id AS "sessionId", ${userProjection("created", false)} FROM created, session`;
  } catch (error) {
    const violation = uniqueViolation(error);
    if (violation) throw conflictError([violation]);
    throw error;
  }
  const row = rows[0];
  if (!row) throw new Error("Sign-up wrote no user");
  return { user: toUserView(row.user, false), sessionId: row.sessionId, refreshToken, webSecret };
}
