import type { Database } from "@profilehub/db";
import { DEFAULT_PROJECT_ID } from "@profilehub/validators";

import { isStackProjectId, stackProjectIdOf } from "../../auth/stack-project-id";

/**
 * The project a Stack Auth request names — by its id, or by the UUID Stack's SDK requires
 * (`projects."stackProjectId"`). A UUID no project answers to yet is the default project's if it
 * is its derived UUID (the default project may not exist before its first sign-up), else a new
 * project's id (sign-up creates it, as on every door).
 */
export async function projectNamed(db: Database, named: string): Promise<string> {
  if (!isStackProjectId(named)) return named;
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM projects WHERE "stackProjectId" = ${named}::uuid`;
  if (rows[0]) return rows[0].id;
  return named === stackProjectIdOf(DEFAULT_PROJECT_ID) ? DEFAULT_PROJECT_ID : named;
}
