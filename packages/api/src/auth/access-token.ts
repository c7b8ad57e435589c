import { createHash, type webcrypto } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";

/** Access tokens live 15 minutes; refresh tokens keep the session going. */
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
const ISSUER = "profilehub";
const AUDIENCE = "profilehub";

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

/** Signs and verifies HS256 access tokens with a key imported once (never per request). */
export class AccessTokens {
  private readonly key: Promise<webcrypto.CryptoKey>;

  constructor(
    authSecret: string,
    private readonly ttlSeconds = ACCESS_TOKEN_TTL_SECONDS,
  ) {
    // A dedicated key derived from AUTH_SECRET, so the same secret can also key other purposes.
    const raw = createHash("sha256").update(`profilehub:jwt:${authSecret}`).digest();
    this.key = crypto.subtle.importKey("raw", raw, { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
  }

  get expiresIn(): number {
    return this.ttlSeconds;
  }

  async sign(claims: AccessClaims, now = Date.now()): Promise<string> {
    const issuedAt = Math.floor(now / 1000);
    return new SignJWT({ num: claims.num, pid: claims.pid, sid: claims.sid })
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setSubject(claims.sub)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + this.ttlSeconds)
      .sign(await this.key);
  }

  async verify(token: string): Promise<AccessClaims> {
    try {
      const { payload } = await jwtVerify(token, await this.key, {
        algorithms: ["HS256"],
        issuer: ISSUER,
        audience: AUDIENCE,
        requiredClaims: ["sub", "exp", "iat"],
      });
      const { sub, num, pid, sid } = payload;
      if (typeof sub !== "string" || typeof num !== "number" || typeof pid !== "string" || typeof sid !== "string") {
        throw new AccessTokenError("invalid");
      }
      return { sub, num, pid, sid };
    } catch (error) {
      if ((error as { name?: unknown } | null)?.name === "AccessTokenError") throw error;
      // By jose's documented error code, not its classes: in the production bundle jose's
      // `errors` namespace is not the module the thrown error came from.
      if ((error as { code?: unknown } | null)?.code === "ERR_JWT_EXPIRED") throw new AccessTokenError("expired");
      throw new AccessTokenError("invalid");
    }
  }
}
