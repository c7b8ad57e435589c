import { createHash, randomUUID, timingSafeEqual } from "node:crypto";
import type { Issue, UserViewFields } from "@profilehub/validators";

import type { AppServices } from "./app-services";
import { type AccessTokenFailure, accessTokenFailure } from "./auth/access-token";
import type { Door } from "./doors";
import { resolveWebSession } from "./services/sessions/web-session";

/**
 * The caller as proven by a valid access token. Whether its session is still live is checked
 * against the database by every procedure that uses it (inline in its own SQL on hot paths).
 */
export interface CallerSession {
  userId: string;
  userNumber: number;
  projectId: string;
  sessionId: string;
  /**
   * The email the access token was issued with (`undefined`: none, or a cookie session). A hint:
   * the address may have changed since, so whatever relies on it checks it against the row.
   */
  tokenEmail?: string;
}

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

/** Sets or clears the browser's httpOnly session cookie (only doors serving browsers have one). */
export interface SessionCookieWriter {
  set(value: string, maxAgeSeconds: number): void;
  clear(): void;
}

export interface Context {
  /**
   * The process-wide services (database, keys, mail), under one key: every context is built per
   * request, and spreading the services into it made that copy (and every later one) key by key.
   */
  services: AppServices;
  session: CallerSession | null;
  /** Why a presented access token was refused (`null` when none was presented or it was valid). */
  tokenFailure: AccessTokenFailure | null;
  /** The caller proved the server key. */
  serverAccess: boolean;
  /** The door says the caller asked for server access, and the key is wrong: refused. */
  serverKeyRejected: boolean;
  /** The project the request names besides its token (dialect D's project header): they must agree. */
  requestedProjectId: string | null;
  /**
   * The publishable client key a Stack Auth client request presented (`null`: none), checked against
   * the named project's; `undefined` for requests that carry no such key (other doors, server access).
   */
  publishableClientKey?: string | null;
  /**
   * Problems the door found while reading its request (keys it cannot map, an unreadable body).
   * The router reports them with its own, after deciding who may do what: one answer, one pass.
   */
  requestProblems: Issue[];
  /**
   * The user view fields the door renders from an update's result: the router builds only those
   * (`null`: the full view, as tRPC clients get it).
   */
  viewFields: UserViewFields | null;
  door: Door;
  requestId: string;
  client: ClientInfo;
  /** `null` when the door cannot set cookies (API clients, REST dialects). */
  sessionCookie: SessionCookieWriter | null;
}

export interface ContextInput {
  session?: CallerSession | null;
  tokenFailure?: AccessTokenFailure | null;
  serverAccess?: boolean;
  serverKeyRejected?: boolean;
  requestedProjectId?: string | null;
  publishableClientKey?: string | null;
  requestProblems?: Issue[];
  viewFields?: UserViewFields | null;
  door: Door;
  requestId?: string;
  client?: Partial<ClientInfo>;
  sessionCookie?: SessionCookieWriter | null;
}

/** Pure context factory, used by tests, the tRPC handler and every REST door alike. */
export function createContextInner(services: AppServices, input: ContextInput): Context {
  return {
    services,
    session: input.session ?? null,
    tokenFailure: input.tokenFailure ?? null,
    serverAccess: input.serverAccess ?? false,
    serverKeyRejected: input.serverKeyRejected ?? false,
    requestedProjectId: input.requestedProjectId ?? null,
    ...(input.publishableClientKey !== undefined && { publishableClientKey: input.publishableClientKey }),
    requestProblems: input.requestProblems ?? [],
    viewFields: input.viewFields ?? null,
    door: input.door,
    requestId: input.requestId ?? randomUUID(),
    client: { ip: input.client?.ip ?? null, userAgent: input.client?.userAgent ?? null },
    sessionCookie: input.sessionCookie ?? null,
  };
}

/** What a door extracted from its request: the raw credentials, untrusted. */
export interface RequestCredentials {
  /** The access token (without any `Bearer ` prefix). */
  accessToken?: string | null;
  /** A presented server key, if the door supports one. */
  serverKey?: string | null;
  /**
   * The caller asked for server access (B: an `x-api-key` header; D: `x-stack-access-type:
   * server`): then the key must be right, whatever else the request carries.
   */
  serverAccessClaimed?: boolean;
  /** The project the request names besides its token (it must be the token's). */
  projectId?: string | null;
  /** Stack Auth's client access: the publishable key presented (`null`: none); absent when not applicable. */
  publishableClientKey?: string | null;
  /**
   * A browser session cookie, used when no access token was presented. The door must have
   * checked the request for CSRF (the cookie is sent by the browser on its own).
   */
  webSessionCookie?: string | null;
  sessionCookie?: SessionCookieWriter | null;
  door: Door;
  requestId?: string | null;
  client?: Partial<ClientInfo>;
}

const digest = (value: string) => createHash("sha256").update(value).digest();

/** Constant-time comparison of a presented server key with the configured one. */
export function isServerKey(services: AppServices, presented: string | null | undefined): boolean {
  if (!presented) return false;
  return timingSafeEqual(digest(presented), digest(services.config.serverApiKey));
}

/**
 * Verifies the credentials into a context: an access token by signature and expiry only (its
 * session's liveness is checked by each procedure's own SQL); a browser session cookie against
 * its session row (one query).
 */
export async function createRequestContext(services: AppServices, credentials: RequestCredentials): Promise<Context> {
  let session: CallerSession | null = null;
  let tokenFailure: AccessTokenFailure | null = null;
  if (!credentials.accessToken && credentials.webSessionCookie) {
    session = await resolveWebSession(services.db, credentials.webSessionCookie);
    if (!session) tokenFailure = "invalid";
  } else if (credentials.accessToken) {
    try {
      const claims = await services.tokens.verify(credentials.accessToken);
      session = { userId: claims.sub, userNumber: claims.num, projectId: claims.pid, sessionId: claims.sid };
      if (claims.email !== undefined) session.tokenEmail = claims.email;
    } catch (error) {
      tokenFailure = accessTokenFailure(error);
    }
  }
  const serverAccess = isServerKey(services, credentials.serverKey);
  return createContextInner(services, {
    session,
    tokenFailure,
    serverAccess,
    serverKeyRejected: (credentials.serverAccessClaimed ?? false) && !serverAccess,
    requestedProjectId: credentials.projectId ?? null,
    ...(credentials.publishableClientKey !== undefined && { publishableClientKey: credentials.publishableClientKey }),
    door: credentials.door,
    requestId: credentials.requestId ?? undefined,
    client: credentials.client,
    sessionCookie: credentials.sessionCookie ?? null,
  });
}

/** `Authorization: Bearer <token>` → token; also accepts a bare token (dialect C documents one). */
export function bearerToken(header: string | null | undefined): string | null {
  if (!header) return null;
  const match = /^\s*(?:Bearer\s+)?(\S+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}
