import { z } from "zod";

/** bcrypt (`$2a$`, `$2b$`, `$2y$`) with a cost factor of 4–14. */
const BCRYPT = /^\$2[aby]\$(\d{2})\$[./A-Za-z0-9]{53}$/;
/** argon2id in PHC/MCF form. */
const ARGON2ID = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$[A-Za-z0-9+/]{8,}\$[A-Za-z0-9+/]{16,}$/;

export const PASSWORD_HASH_LIMITS = {
  bcryptCost: { min: 4, max: 14 },
  argon2: { maxMemoryKiB: 65536, maxIterations: 10, maxParallelism: 4 },
} as const;

/** Returns an error message, or `null` for an allow-listed hash within the cost limits. */
export function checkPasswordHash(hash: string): string | null {
  const bcrypt = BCRYPT.exec(hash);
  if (bcrypt) {
    const cost = Number(bcrypt[1]);
    const { min, max } = PASSWORD_HASH_LIMITS.bcryptCost;
    return cost >= min && cost <= max ? null : `bcrypt cost must be between ${min} and ${max}`;
  }
  const argon = ARGON2ID.exec(hash);
  if (argon) {
    const [memory, iterations, parallelism] = argon.slice(1, 4).map(Number) as [number, number, number];
    const limits = PASSWORD_HASH_LIMITS.argon2;
    if (memory < 8 * parallelism || memory > limits.maxMemoryKiB) {
      return `argon2id memory must be between ${8 * parallelism} and ${limits.maxMemoryKiB} KiB`;
    }
    if (iterations < 1 || iterations > limits.maxIterations) {
      return `argon2id iterations must be between 1 and ${limits.maxIterations}`;
    }
    if (parallelism < 1 || parallelism > limits.maxParallelism) {
      return `argon2id parallelism must be between 1 and ${limits.maxParallelism}`;
    }
    return null;
  }
  return "Password hash must be a bcrypt ($2a$/$2b$/$2y$) or argon2id hash in Modular Crypt Format";
}

export const passwordHashSchema = z.string({ error: "Password hash must be a string" }).superRefine((hash, ctx) => {
  const problem = checkPasswordHash(hash);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

/** A TOTP secret as base64: 10–64 bytes (RFC 4226 recommends 20). */
export const totpSecretBase64Schema = z
  .string({ error: "TOTP secret must be a base64 string" })
  .trim()
  .superRefine((value, ctx) => {
    const valid = /^[A-Za-z0-9+/]+={0,2}$/.test(value) && value.length % 4 === 0;
    const bytes = valid ? Math.floor((value.length * 3) / 4) - (value.match(/=+$/)?.[0].length ?? 0) : 0;
    if (!valid || bytes < 10 || bytes > 64) {
      ctx.addIssue({ code: "custom", message: "TOTP secret must be base64 encoding 10 to 64 bytes" });
    }
  });
