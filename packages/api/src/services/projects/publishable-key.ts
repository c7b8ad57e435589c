import { createHash, timingSafeEqual } from "node:crypto";
import type { Database } from "@profilehub/db";

import { isStackProjectId } from "../../auth/stack-project-id";
import { appError } from "../../errors";

const digest = (value: string) => createHash("sha256").update(value).digest();

/** The publishable client key a project requires (by its id or Stack UUID); `null`: any key is accepted. */
async function requiredKeyOf(db: Database, named: string): Promise<string | null> {
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
