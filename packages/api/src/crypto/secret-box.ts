import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

const VERSION = "v1";

/**
 * AES-256-GCM encryption for secrets kept at rest (TOTP secrets, webhook secrets), keyed by a key
 * derived from AUTH_SECRET with HKDF. Ciphertext format: `v1.<iv>.<tag>.<data>` (base64url).
 */
export class SecretBox {
  private readonly key: Buffer;

  constructor(authSecret: string) {
    this.key = Buffer.from(hkdfSync("sha256", authSecret, "profilehub", "secret-box:v1", 32));
  }

  encrypt(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", this.key, iv);
    const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
    const parts = [iv, cipher.getAuthTag(), data].map((part) => part.toString("base64url"));
    return [VERSION, ...parts].join(".");
  }

  decrypt(ciphertext: string): string {
    const [version, iv, tag, data] = ciphertext.split(".");
    if (version !== VERSION || !iv || !tag || data === undefined) {
      throw new Error("Unknown secret format");
    }
    const decipher = createDecipheriv("aes-256-gcm", this.key, Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
  }
}
