import type { Database } from "@profilehub/db";
import type { UserView } from "@profilehub/validators";
import { hashOpaqueToken, newOpaqueToken } from "../../auth/opaque-token";
import { hashPassword } from "../../auth/passwords";
import type { ClientInfo } from "../../context";
import { conflictError } from "../../errors";
import { verifyEmailLink, verifyNewEmailMail } from "../../mail/templates";
import { uniqueViolation } from "../database/unique-violation";
import { SESSION_TTL_DAYS } from "../sessions/start-session";
import { toUserView, userProjection, type UserRow } from "../users/user-view";

export interface SignUpRequest {
  email: string;
  password: string;
  projectId: string;
  client: ClientInfo;
  requestId: string;
  /** The door the account was created through (recorded in the audit log). */
  door: string;
  /** Also give the session a browser secret (the httpOnly cookie of the web app). */
  web?: boolean;
}

/**
 * Creates the account (and its project, if new), its first session, the audit row and the
 * verification mail, in one statement. A taken email is a clean conflict. App metadata starts as
 * `{"provider": "email"}`: how the account signs in.
 */
export async function signUp(
  db: Database,
  appUrl: string,
  request: SignUpRequest,
): Promise<{ user: UserView; sessionId: string; refreshToken: string; webSecret: string | null }> {
  const passwordHash = await hashPassword(request.password);
  const refreshToken = newOpaqueToken();
  const webSecret = request.web ? newOpaqueToken() : null;
  const verifyToken = newOpaqueToken();
  const mail = verifyNewEmailMail(request.email, verifyEmailLink(appUrl, verifyToken));
  let rows: { sessionId: string; user: UserRow }[];
  try {
    rows = await db.$queryRaw`
      WITH project AS (
        INSERT INTO projects (id, name) VALUES (${request.projectId}, ${request.projectId}) ON CONFLICT (id) DO NOTHING
      ), created AS (
        INSERT INTO users ("projectId", email, "passwordHash", "appMetadata")
        VALUES (${request.projectId}, ${request.email}, ${passwordHash}, '{"provider":"email"}'::jsonb)
        RETURNING *
      ), session AS (
        INSERT INTO sessions ("userId", "expiresAt", "userAgent", "ipAddress", "webSecretHash")
        SELECT id, now() + make_interval(days => ${SESSION_TTL_DAYS}::int), ${request.client.userAgent}, ${request.client.ip},
          ${webSecret === null ? null : hashOpaqueToken(webSecret)}
        FROM created RETURNING id, "expiresAt"
      ), refresh AS (
        INSERT INTO refresh_tokens ("sessionId", "tokenHash", "expiresAt")
        SELECT id, ${hashOpaqueToken(refreshToken)}, "expiresAt" FROM session
      ), link AS (
        INSERT INTO email_tokens ("userId", purpose, email, "tokenHash", "expiresAt")
        SELECT id, 'verify_email', email, ${hashOpaqueToken(verifyToken)}, now() + interval '24 hours' FROM created
      ), mail AS (
        INSERT INTO mail_outbox ("userId", kind, "to", subject, text, html)
        SELECT id, 'email_verify', email, ${mail.subject}, ${mail.text}, ${mail.html} FROM created
      ), audit AS (
        INSERT INTO audit_events ("userId", "actorType", "actorUserId", door, "requestId", action, changes)
        SELECT id, 'user', id, ${request.door}, ${request.requestId}, 'user.signup',
          jsonb_build_object('email', jsonb_build_object('from', null, 'to', email))
        FROM created
      )
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
