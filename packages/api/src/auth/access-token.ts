import { createHash, createHmac, createSecretKey, type KeyObject, timingSafeEqual, type webcrypto } from "node:crypto";
import { SignJWT } from "jose";

import { stackProjectIdOf } from "./stack-project-id";

/** Access tokens live 15 minutes; refresh tokens keep the session going. */
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
const ISSUER = "profilehub";
/** The audience of tokens signed before they carried Stack Auth's claims (still accepted). */
const LEGACY_AUDIENCE = "profilehub";

/** Claims carried by an access token (DESIGN §4). */
export interface AccessClaims {
  /** User id (uuid). */
  sub: string;
  /** User number (sequential). */
  num: number;
  /** Project id. */
  pid: string;
  /** Session id: checked against the sessions table on every request. */
  sid: string;
  /**
   * The user's email when the token was issued (Stack Auth's `email` claim), when it has one. A
   * hint only: the address may have changed since.
   */
  email?: string;
}

/**
 * What Stack Auth's SDK reads from every access token (it checks them offline against its
 * `accessTokenPayloadSchema`): one token format for every door. Unknown parts default to
 * "nothing" (no name, no email, not verified, no team, signed up at issue time, no TOTP).
 */
export interface TokenProfile {
  name: string | null;
  email: string | null;
  emailVerified: boolean;
  selectedTeamId: string | null;
  /** Milliseconds since the epoch. */
  signedUpAt: number;
  requiresTotpMfa: boolean;
}

/** Stack Auth's claims besides sub/iat/exp/iss/aud (`aud` is the project's Stack UUID, as in Stack). */
function stackClaims(claims: AccessClaims, profile: Partial<TokenProfile>, issuedAt: number) {
  return {
    project_id: stackProjectIdOf(claims.pid),
    branch_id: "main",
    refresh_token_id: claims.sid,
    role: "authenticated",
    name: profile.name ?? null,
    email: profile.email ?? null,
    email_verified: profile.emailVerified ?? false,
    selected_team_id: profile.selectedTeamId ?? null,
    signed_up_at: Math.floor((profile.signedUpAt ?? issuedAt * 1000) / 1000),
    is_anonymous: false,
    is_restricted: false,
    restricted_reason: null,
    requires_totp_mfa: profile.requiresTotpMfa ?? false,
  };
}

export type AccessTokenFailure = "expired" | "invalid";

export class AccessTokenError extends Error {
  override name = "AccessTokenError";

  constructor(readonly reason: AccessTokenFailure) {
    super(reason === "expired" ? "Access token has expired" : "Access token is invalid");
  }
}

/**
 * Why a token was refused. Checked by shape, not `instanceof`: in the production build the
 * runtime's services (created once per process, e.g. by the instrumentation hook) come from
 * another copy of this module than the route that catches their errors.
 */
export function accessTokenFailure(error: unknown): AccessTokenFailure {
  const candidate = error as { name?: unknown; reason?: unknown } | null;
  return candidate?.name === "AccessTokenError" && candidate.reason === "expired" ? "expired" : "invalid";
}

/** Base64url without padding, as JWS requires; a 32-byte HMAC-SHA256 is 43 such characters. */
const SIGNATURE = /^[A-Za-z0-9_-]{43}$/;
const SEGMENT = /^[A-Za-z0-9_-]+$/;

function decodeJson(segment: string): Record<string, unknown> | null {
  if (!SEGMENT.test(segment)) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, "base64url").toString("utf8"));
    return value !== null && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** The project's Stack UUID (Stack's audience), or the legacy audience. */
const hasAudience = (aud: unknown, pid: string) =>
  aud === LEGACY_AUDIENCE ||
  (Array.isArray(aud) && aud.includes(LEGACY_AUDIENCE)) ||
  (typeof aud === "string" && aud === stackProjectIdOf(pid));

/**
 * Signs (jose) and verifies HS256 access tokens with a key derived and imported once. Verification
 * is on every request, so it is a synchronous HMAC with node:crypto (a few µs) rather than an
 * async WebCrypto call; it checks what jose's `jwtVerify` checked for us: the header names HS256
 * and no critical extension, the signature (constant-time, before any claim is trusted), then
 * issuer, audience, `exp`/`iat` present and numeric, not expired, not used before `nbf`.
 */
export class AccessTokens {
  private readonly signingKey: Promise<webcrypto.CryptoKey>;
  private readonly verifyingKey: KeyObject;

  constructor(
    authSecret: string,
    private readonly ttlSeconds = ACCESS_TOKEN_TTL_SECONDS,
  ) {
    // A dedicated key derived from AUTH_SECRET, so the same secret can also key other purposes.
    const raw = createHash("sha256").update(`profilehub:jwt:${authSecret}`).digest();
    this.signingKey = crypto.subtle.importKey("raw", raw, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    this.verifyingKey = createSecretKey(raw);
  }

  get expiresIn(): number {
    return this.ttlSeconds;
  }

  async sign(claims: AccessClaims & { profile?: Partial<TokenProfile> }, now = Date.now()): Promise<string> {
    const issuedAt = Math.floor(now / 1000);
    const stack = stackClaims(claims, claims.profile ?? {}, issuedAt);
    return new SignJWT({ num: claims.num, pid: claims.pid, sid: claims.sid, ...stack })
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setSubject(claims.sub)
      .setIssuer(ISSUER)
      .setAudience(stack.project_id)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + this.ttlSeconds)
      .sign(await this.signingKey);
  }

  /** Async for its callers' sake (the interface predates the synchronous check). */
  verify(token: string, now = Date.now()): Promise<AccessClaims> {
    try {
      return Promise.resolve(this.verifySync(token, now));
    } catch (error) {
      return Promise.reject(error instanceof AccessTokenError ? error : new AccessTokenError("invalid"));
    }
  }

  private verifySync(token: string, now: number): AccessClaims {
    const parts = token.split(".");
    if (parts.length !== 3) throw new AccessTokenError("invalid");
    const [encodedHeader = "", encodedPayload = "", signature = ""] = parts;
    const header = decodeJson(encodedHeader);
    if (!header || header.alg !== "HS256" || "crit" in header || !SIGNATURE.test(signature)) {
      throw new AccessTokenError("invalid");
    }
    const expected = createHmac("sha256", this.verifyingKey).update(`${encodedHeader}.${encodedPayload}`).digest();
    if (!timingSafeEqual(expected, Buffer.from(signature, "base64url"))) throw new AccessTokenError("invalid");

    const payload = decodeJson(encodedPayload);
    if (!payload || payload.iss !== ISSUER || typeof payload.pid !== "string") throw new AccessTokenError("invalid");
    if (!hasAudience(payload.aud, payload.pid)) throw new AccessTokenError("invalid");
    const { sub, num, pid, sid, exp, iat, nbf } = payload;
    if (typeof exp !== "number" || typeof iat !== "number") throw new AccessTokenError("invalid");
    const seconds = Math.floor(now / 1000);
    if (nbf !== undefined && (typeof nbf !== "number" || nbf > seconds)) throw new AccessTokenError("invalid");
    if (exp <= seconds) throw new AccessTokenError("expired");
    if (typeof sub !== "string" || typeof num !== "number" || typeof pid !== "string" || typeof sid !== "string") {
      throw new AccessTokenError("invalid");
    }
    const { email } = payload;
    return typeof email === "string" ? { sub, num, pid, sid, email } : { sub, num, pid, sid };
  }
}
