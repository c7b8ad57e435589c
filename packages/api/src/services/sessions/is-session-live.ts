import type { Database } from "@profilehub/db";

import type { CallerSession } from "../../context";
import { callerSessionLive } from "../database/sql";

export async function isSessionLive(db: Database, session: CallerSession): Promise<boolean> {
  const rows = await db.$queryRaw<{ live: boolean }[]>`SELECT ${callerSessionLive(session)} AS live`;
  return rows[0]?.live === true;
}
