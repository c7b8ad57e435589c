import { hash as argon2Hash, verify as argon2Verify } from "@node-rs/argon2";
import bcrypt from "bcryptjs";

/** OWASP's argon2id baseline (m=19456 KiB, t=2, p=1); hashing runs on libuv's thread pool. */
/** `Algorithm.Argon2id` (a const enum, which isolated modules cannot import). */
const ARGON2ID = 2;
const ARGON2_OPTIONS = {
  algorithm: ARGON2ID,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

export function hashPassword(password: string): Promise<string> {
  return argon2Hash(password, ARGON2_OPTIONS);
}

/** Verifies against our own argon2id hashes and imported bcrypt / argon2id hashes. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    if (storedHash.startsWith("$argon2")) return await argon2Verify(storedHash, password);
    if (/^\$2[aby]\$/.test(storedHash)) return await bcrypt.compare(password, storedHash);
    return false;
  } catch {
    return false;
  }
}

/** A fixed hash to verify against when the account does not exist, so timing does not tell. */
let dummyHash: Promise<string> | undefined;
export function verifyAgainstDummy(password: string): Promise<boolean> {
  dummyHash ??= hashPassword("profilehub-dummy-password");
  return dummyHash.then((hash) => argon2Verify(hash, password)).then(() => false);
}
