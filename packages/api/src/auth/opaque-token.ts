import { createHash, randomBytes } from "node:crypto";

/** A random, URL-safe token (refresh tokens, email links): 32 bytes of entropy. */
export function newOpaqueToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Only this hash is stored; the token itself is shown once. */
export function hashOpaqueToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
