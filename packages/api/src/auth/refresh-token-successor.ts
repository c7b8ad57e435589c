import { createHmac, hkdfSync } from "node:crypto";

/**
 * The refresh token that replaces a given one: `HMAC-SHA256(key, presented)`, with a key derived
 * from AUTH_SECRET. Deriving it (rather than drawing it at random) lets the server hand a tab
 * that presents the token just rotated by another tab the session's *current* token again —
 * without keeping any token in clear or decryptable form: only hashes are stored, as before.
 * Knowing a token does not give its successor without the server's key.
 */
export class RefreshTokenSuccessor {
  private readonly key: Buffer;

  constructor(authSecret: string) {
    this.key = Buffer.from(hkdfSync("sha256", authSecret, "profilehub", "refresh-token-successor:v1", 32));
  }

  of(presented: string): string {
    return createHmac("sha256", this.key).update(presented).digest("base64url");
  }
}
