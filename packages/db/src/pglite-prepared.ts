import { parse, type PGlite, protocol, type Results } from "@electric-sql/pglite";

import { preparedStatementName } from "./prepared-statement-name";

type QueryOptions = Parameters<PGlite["query"]>[2];
type Serializer = (value: unknown) => string;

/** Enough for every statement shape the app makes; past it, queries run unprepared. */
const MAX_PREPARED = 500;
/** Errors after which a prepared statement is dropped and the query retried unprepared. */
const STALE_STATEMENT = new Set(["0A000", "26000"]); // cached plan changed result type; statement gone

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((length, part) => length + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** PGlite's internals, public in JavaScript: the readiness check and the locks its own `query` takes. */
interface PGliteLocks {
  _checkReady(): Promise<void>;
  _runExclusiveTransaction<T>(run: () => Promise<T>): Promise<T>;
  _runExclusiveQuery<T>(run: () => Promise<T>): Promise<T>;
}

/**
 * A PGlite whose `query` prepares each statement once (named by its text) and then only binds and
 * executes it, in one call into the engine — as `@prisma/adapter-pg` does on PostgreSQL with
 * `statementNameGenerator`. PGlite's own `query` parses, describes and plans every statement on
 * every call (six calls into WASM); for the update path's one CTE statement, planning costs more
 * than running it. Transactions (`transaction()`) and everything else are PGlite's own.
 *
 * The locks are PGlite's: a prepared query waits for any open transaction and for the engine,
 * exactly like `query`, and syncs to the file system afterwards as `query` does outside one.
 */
export function withPreparedStatements(pglite: PGlite): PGlite {
  const parameterTypes = new Map<string, number[]>();
  const locks = pglite as unknown as PGliteLocks;

  async function describe(name: string, sql: string): Promise<number[]> {
    const known = parameterTypes.get(name);
    if (known) return known;
    const message = concat([
      protocol.serialize.parse({ name, text: sql }),
      protocol.serialize.describe({ type: "S", name }),
      protocol.serialize.sync(),
    ]);
    const types = parse.parseDescribeStatementResults(await pglite.execProtocolStream(message, { syncToFs: false }));
    parameterTypes.set(name, types);
    return types;
  }

  async function preparedQuery(name: string, sql: string, params: unknown[], options: QueryOptions) {
    await locks._checkReady(); // not yet started (waits), closing or closed (throws)
    return locks._runExclusiveTransaction(() =>
      locks._runExclusiveQuery(async () => {
        const types = await describe(name, sql);
        const serializers = options?.serializers;
        const values = params.map((value, index) => {
          if (value === null || value === undefined) return null;
          const type = types[index] ?? 0;
          const serialize: Serializer | undefined = serializers?.[type] ?? pglite.serializers[type];
          if (serialize) return serialize(value);
          if (typeof value === "string") return value;
          if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean")
            return String(value);
          return JSON.stringify(value);
        });
        const message = concat([
          protocol.serialize.bind({ statement: name, values }),
          protocol.serialize.describe({ type: "P" }),
          protocol.serialize.execute({}),
          protocol.serialize.sync(),
        ]);
        const messages = await pglite.execProtocolStream(message, { syncToFs: false });
        await pglite.syncToFs();
        return parse.parseResults(messages, pglite.parsers, options)[0]!;
      }),
    );
  }

  const query = async <T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> => {
    const name = preparedStatementName(sql);
    if (!params?.length || (!parameterTypes.has(name) && parameterTypes.size >= MAX_PREPARED)) {
      return pglite.query<T>(sql, params, options);
    }
    try {
      return (await preparedQuery(name, sql, params, options)) as Results<T>;
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      if (typeof code !== "string" || !STALE_STATEMENT.has(code)) throw error;
      parameterTypes.delete(name);
      await pglite.exec(`DEALLOCATE ${name}`).catch(() => undefined);
      return pglite.query<T>(sql, params, options);
    }
  };

  return new Proxy(pglite, {
    get(target, property) {
      if (property === "query") return query;
      // The target as receiver: PGlite's getters read private fields, which a proxy does not have.
      const value: unknown = Reflect.get(target, property);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
