import { createHash, timingSafeEqual } from "node:crypto";
import type { Database } from "@profilehub/db";

import { isStackProjectId } from "../../auth/stack-project-id";
import { appError } from "../../errors";

const digest = (value: string) => createHash("sha256").update(value).digest();

/**
 * How long an instance trusts the key it read: every Stack client request checks it, and a query
 * each time would be a second database round trip on the hot path. A key set or removed on this
 * instance applies at once; on other instances within this time.
 */
export const PUBLISHABLE_KEY_CACHE_MS = 5_000;
/** Names a request may send are arbitrary: the cache keeps at most this many per database. */
const CACHE_ENTRIES = 1_000;

type KeyCache = Map<string, { key: string | null; until: number }>;
const cacheByDatabase = new WeakMap<Database, KeyCache>();

/** Forgets the keys read from `db` (after a project's key was set or removed). */
export function forgetPublishableKeys(db: Database): void {
  cacheByDatabase.delete(db);
}

async function requiredKeyOf(db: Database, named: string): Promise<string | null> {
  let cache = cacheByDatabase.get(db);
  const cached = cache?.get(named);
  if (cached && cached.until > Date.now()) return cached.key;
  const key = await readRequiredKey(db, named);
  if (!cache) cacheByDatabase.set(db, (cache = new Map() as KeyCache));
  cache.delete(named);
  if (cache.size >= CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(named, { key, until: Date.now() + PUBLISHABLE_KEY_CACHE_MS });
  return key;
}

/** The publishable client key a project requires (by its id or Stack UUID); `null`: any key is accepted. */
async function readRequiredKey(db: Database, named: string): Promise<string | null> {
  const rows = isStackProjectId(named)
    ? await db.$queryRaw<{ key: string | null }[]>`
        SELECT "publishableClientKey" AS key FROM projects WHERE "stackProjectId" = ${named}::uuid`
    : await db.$queryRaw<{ key: string | null }[]>`
        SELECT "publishableClientKey" AS key FROM projects WHERE id = ${named}`;
  return rows[0]?.key ?? null;
}

/**
 * Stack Auth's client requests name a project and may present its publishable client key. A
 * project without a key accepts any (the key is public in Stack too); one with a key refuses a
 * request that sends none or another.
 */
export async function checkPublishableKey(db: Database, named: string, presented: string | null): Promise<void> {
  const required = await requiredKeyOf(db, named);
  if (required === null) return;
  if (presented === null) throw appError("publishable_key_invalid", { projectId: named, missing: true });
  if (!timingSafeEqual(digest(presented), digest(required))) {
    throw appError("publishable_key_invalid", { projectId: named, missing: false });
  }
}
