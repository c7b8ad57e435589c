import type { PGlite } from "@electric-sql/pglite";
import type pg from "pg";

/** Connections of the database client at one moment (for metrics). */
export interface PoolStats {
  /** Most connections the client opens. */
  size: number;
  /** Connections running a query or transaction. */
  inUse: number;
  /** Open connections doing nothing. */
  idle: number;
  /** Queries waiting for a connection. */
  waiting: number;
}

export function pgPoolStats(pool: pg.Pool, size: number): () => PoolStats {
  return () => ({
    size,
    inUse: pool.totalCount - pool.idleCount,
    idle: pool.idleCount,
    waiting: pool.waitingCount,
  });
}

const COUNTED = new Set<PropertyKey>(["query", "exec", "transaction"]);

/**
 * PGlite is one connection that runs one thing at a time: counts the operations in flight through
 * it, so one is "in use" and the others are "waiting" for it.
 */
export function countPgliteUse(pglite: PGlite): { pglite: PGlite; stats: () => PoolStats } {
  let inFlight = 0;
  const counted = new Proxy(pglite, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property);
      if (!COUNTED.has(property) || typeof value !== "function") return value;
      return async (...args: unknown[]) => {
        inFlight += 1;
        try {
          return await (value as (...args: unknown[]) => Promise<unknown>).apply(target, args);
        } finally {
          inFlight -= 1;
        }
      };
    },
  });
  return {
    pglite: counted,
    stats: () => ({
      size: 1,
      inUse: Math.min(inFlight, 1),
      idle: inFlight > 0 ? 0 : 1,
      waiting: Math.max(inFlight - 1, 0),
    }),
  };
}
