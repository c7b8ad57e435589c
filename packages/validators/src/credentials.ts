import { z } from "zod";

import type { ProblemParams } from "./problems/catalog";
import { customIssue, fails } from "./problems/zod-codes";

/** bcrypt (`$2a$`, `$2b$`, `$2y$`) with a cost factor of 4–14. */
const BCRYPT = /^\$2[aby]\$(\d{2})\$[./A-Za-z0-9]{53}$/;
/** argon2id in PHC/MCF form. */
const ARGON2ID = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$[A-Za-z0-9+/]{8,}\$[A-Za-z0-9+/]{16,}$/;

export const PASSWORD_HASH_LIMITS = {
  bcryptCost: { min: 4, max: 14 },
  argon2: { maxMemoryKiB: 65536, maxIterations: 10, maxParallelism: 4 },
} as const;

export type PasswordHashProblem =
  { code: "password_hash_unsupported" } | { code: "password_hash_cost"; params: ProblemParams<"password_hash_cost"> };

const outOfRange = (parameter: string, minimum: number, maximum: number, unit?: string): PasswordHashProblem => ({
  code: "password_hash_cost",
  params: { parameter, minimum, maximum, ...(unit && { unit }) },
});

/** The problem with an imported hash, or `null` for an allow-listed hash within the cost limits. */
export function checkPasswordHash(hash: string): PasswordHashProblem | null {
  const bcrypt = BCRYPT.exec(hash);
  if (bcrypt) {
    const cost = Number(bcrypt[1]);
    const { min, max } = PASSWORD_HASH_LIMITS.bcryptCost;
    return cost >= min && cost <= max ? null : outOfRange("bcrypt cost", min, max);
  }
  const argon = ARGON2ID.exec(hash);
  if (argon) {
    const [memory, iterations, parallelism] = argon.slice(1, 4).map(Number) as [number, number, number];
    const limits = PASSWORD_HASH_LIMITS.argon2;
    if (memory < 8 * parallelism || memory > limits.maxMemoryKiB) {
      return outOfRange("argon2id memory", 8 * parallelism, limits.maxMemoryKiB, "KiB");
    }
    if (iterations < 1 || iterations > limits.maxIterations) {
      return outOfRange("argon2id iterations", 1, limits.maxIterations);
    }
    if (parallelism < 1 || parallelism > limits.maxParallelism) {
      return outOfRange("argon2id parallelism", 1, limits.maxParallelism);
    }
    return null;
  }
  return { code: "password_hash_unsupported" };
}

export const passwordHashSchema = z.string(fails("invalid_type")).superRefine((hash, ctx) => {
  const problem = checkPasswordHash(hash);
  if (problem) ctx.addIssue(customIssue(problem.code, "params" in problem ? problem.params : undefined));
});

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** A TOTP secret as base64: 10–64 bytes (RFC 4226 recommends 20). */
export const totpSecretBase64Schema = z
  .string(fails("invalid_type"))
  .trim()
  .superRefine((value, ctx) => {
    const valid = BASE64.test(value) && value.length % 4 === 0;
    const bytes = valid ? Math.floor((value.length * 3) / 4) - (value.match(/=+$/)?.[0].length ?? 0) : 0;
    if (!valid || bytes < 10 || bytes > 64) ctx.addIssue(customIssue("invalid_totp_secret"));
  });
