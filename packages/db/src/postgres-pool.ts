import pg from "pg";

import { DatabaseUnavailableError, isUnavailableSqlState } from "./unavailable";

/** Bounds on every wait for PostgreSQL, so that no request hangs on a stalled database. */
export interface PostgresTimeouts {
  /** Opening one new connection: TCP, startup and authentication. */
  connectTimeoutMs: number;
  /** Getting a connection for a statement, free or new (includes `connectTimeoutMs`). */
  acquireTimeoutMs: number;
  /**
   * One statement. The server cancels it past this (`statement_timeout`, SQLSTATE 57014, the
   * connection stays usable); when no answer comes at all, the client gives up `STALL_GRACE_MS`
   * later and discards the connection.
   */
  statementTimeoutMs: number;
}

export const POSTGRES_TIMEOUT_DEFAULTS: PostgresTimeouts = {
  connectTimeoutMs: 3000,
  acquireTimeoutMs: 5000,
  statementTimeoutMs: 5000,
};

/** How long after the server should have cancelled a statement the client stops waiting for it. */
export const STALL_GRACE_MS = 1000;

type QueryArgs = [config: string | pg.QueryConfig, values?: unknown[]];

/** A socket-level failure: Node's system errors carry `syscall` and a numeric `errno`. */
function isSystemError(error: unknown): boolean {
  const candidate = error as { syscall?: unknown; errno?: unknown } | null;
  return typeof candidate?.syscall === "string" && typeof candidate.errno === "number";
}

/**
 * The typed "database unavailable" meaning of a failed statement, or `null` when the failure is
 * the statement's own (a constraint, a syntax error, a bug), which the caller must see as it is.
 */
function unavailableFailure(error: unknown, connectionError: unknown): DatabaseUnavailableError | null {
  if (error instanceof DatabaseUnavailableError) return error;
  if (error instanceof pg.DatabaseError) {
    return isUnavailableSqlState(error.code) ? new DatabaseUnavailableError("server_unavailable", error) : null;
  }
  if (connectionError !== undefined || isSystemError(error)) {
    return new DatabaseUnavailableError("connection_lost", connectionError ?? error);
  }
  return null;
}

type Release = (error?: Error | boolean) => void;

/**
 * Makes a checked-out client's statements bounded in time and their connection failures typed,
 * until it is released. Once its connection failed or stalled, every further statement fails at
 * once (a transaction's ROLLBACK included), and releasing it discards it.
 */
function guardCheckout(client: pg.PoolClient, stallAfterMs: number): pg.PoolClient {
  let broken: DatabaseUnavailableError | null = null;
  let connectionError: unknown = undefined;
  const onConnectionError = (error: unknown) => {
    connectionError = error; // the socket died while checked out (pg rejects the statement too)
  };
  client.on("error", onConnectionError);
  const ownQuery = (client.query as (...args: QueryArgs) => Promise<pg.QueryResult>).bind(client);
  const query = async (...args: QueryArgs): Promise<pg.QueryResult> => {
    if (broken) throw broken;
    let timer: NodeJS.Timeout | undefined;
    const stalled = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new DatabaseUnavailableError("timeout")), stallAfterMs);
    });
    try {
      return await Promise.race([ownQuery(...args), stalled]);
    } catch (error) {
      const unavailable = unavailableFailure(error, connectionError);
      broken ??= unavailable;
      throw unavailable ?? error;
    } finally {
      clearTimeout(timer);
    }
  };
  Object.defineProperty(client, "query", { value: query, configurable: true, writable: true });
  const release: Release = client.release.bind(client);
  client.release = (error) => {
    delete (client as { query?: unknown }).query; // back to pg's own for the next checkout
    client.removeListener("error", onConnectionError);
    // A connection that failed (or may still be busy with a stalled statement) never goes back.
    release(error ?? broken ?? undefined);
  };
  return client;
}

/**
 * A `pg` pool whose every wait is bounded and whose failures are typed: connecting, waiting for a
 * connection and running a statement either succeed in time or throw a `DatabaseUnavailableError`
 * (statement errors of the statement's own, like a unique violation, pass through unchanged).
 * Connections that broke or stalled are discarded, so the pool recovers as soon as the database
 * answers again; each new connection prepares its statements afresh (pg caches them per
 * connection, under the names `preparedStatementName` gives).
 */
export function createPostgresPool(options: { url: string; max: number; timeouts: PostgresTimeouts }): pg.Pool {
  const { connectTimeoutMs, acquireTimeoutMs, statementTimeoutMs } = options.timeouts;
  class BoundedClient extends pg.Client {
    constructor(config: pg.ClientConfig) {
      super({ ...config, connectionTimeoutMillis: connectTimeoutMs });
    }
  }
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.max,
    connectionTimeoutMillis: acquireTimeoutMs,
    statement_timeout: statementTimeoutMs,
    keepAlive: true,
    Client: BoundedClient as unknown as new () => pg.ClientBase,
  });
  const stallAfterMs = statementTimeoutMs + STALL_GRACE_MS;
  const connect = pool.connect.bind(pool) as (callback?: unknown) => Promise<pg.PoolClient>;
  const acquire = async (): Promise<pg.PoolClient> => {
    let client: pg.PoolClient;
    try {
      client = await connect();
    } catch (error) {
      throw new DatabaseUnavailableError("connect", error);
    }
    return guardCheckout(client, stallAfterMs);
  };
  const query = async (...args: QueryArgs): Promise<pg.QueryResult> => {
    const client = await acquire();
    try {
      return await client.query(args[0], args[1]);
    } finally {
      client.release();
    }
  };
  // The driver adapter runs single statements through `pool.query` and transactions on a client
  // from `pool.connect()`: both are replaced by guarded ones.
  Object.defineProperty(pool, "query", { value: query });
  Object.defineProperty(pool, "connect", {
    value: (callback?: unknown) => (callback === undefined ? acquire() : connect(callback)),
  });
  return pool;
}
