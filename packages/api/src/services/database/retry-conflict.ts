import { driverAdapterCause } from "@profilehub/db";

/**
 * SQLSTATEs of a statement PostgreSQL rolled back only because of a concurrent one: a deadlock
 * was detected (it picked this statement as the victim), or a serialization failure.
 */
const TRANSIENT_CONFLICTS: ReadonlySet<string> = new Set(["40P01", "40001"]);

/** Whether `error` is a statement rolled back for a deadlock or a serialization failure. */
export function isTransientConflict(error: unknown): boolean {
  return TRANSIENT_CONFLICTS.has(driverAdapterCause(error)?.originalCode ?? "");
}

/**
 * Runs `statement` — ONE statement, its own transaction — again when PostgreSQL rolled it back for
 * a deadlock or a serialization failure (it then changed nothing, so running it again is safe), at
 * most `attempts` times in all. Any other error, or the last attempt's, is thrown as it is.
 */
export async function retryOnConflict<T>(statement: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await statement();
    } catch (error) {
      if (attempt >= attempts || !isTransientConflict(error)) throw error;
    }
  }
}
