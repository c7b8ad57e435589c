import { driverAdapterCause } from "./adapter-error";

/** Why the database could not answer. */
export type UnavailableFailure =
  /** No connection could be opened or taken from the pool in time (refused, unreachable, full). */
  | "connect"
  /** A statement got no answer in time: the server or the network is stalled. */
  | "timeout"
  /** The connection broke while a statement was running (reset, closed, terminated). */
  | "connection_lost"
  /** The server answered that it cannot serve now (shutting down, starting, cancelled, read-only). */
  | "server_unavailable";

const MESSAGES: Record<UnavailableFailure, string> = {
  connect: "No database connection could be opened in time",
  timeout: "The database did not answer in time",
  connection_lost: "The database connection was lost",
  server_unavailable: "The database cannot serve requests now",
};

/**
 * The database cannot serve this request now: an operational condition (answered `503` with
 * `Retry-After`), never a bug. Recognized by `code`, since bundles may hold several copies of
 * this class.
 */
export class DatabaseUnavailableError extends Error {
  override name = "DatabaseUnavailableError";
  readonly code = "DATABASE_UNAVAILABLE";

  constructor(
    readonly failure: UnavailableFailure,
    cause?: unknown,
  ) {
    super(MESSAGES[failure], { cause });
  }
}

/**
 * SQLSTATEs meaning "not now" rather than "this statement is wrong": connection exceptions
 * (class 08), query_canceled (57014, the statement timeout), admin/crash shutdown and "cannot
 * connect now" (57P01–57P03), idle-session timeout (57P05), too many connections (53300), and a
 * read-only server (25006: a standby, mid-failover).
 */
const UNAVAILABLE_SQLSTATES = new Set(["57014", "57P01", "57P02", "57P03", "57P05", "53300", "25006"]);

export function isUnavailableSqlState(code: string | undefined): boolean {
  return code !== undefined && (code.startsWith("08") || UNAVAILABLE_SQLSTATES.has(code));
}

/** Prisma driver-adapter error kinds (typed by the adapter) with the same meaning. */
const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);

/**
 * Whether `error` (or any error in its `cause` chain) means the database cannot serve now: our
 * `DatabaseUnavailableError`, or a driver-adapter error (as Prisma wraps it, or as the adapter threw it) whose cause has one of the kinds or
 * SQLSTATEs above. By typed codes only, never by message wording.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && typeof current === "object" && current !== null; depth += 1) {
    if ((current as { code?: unknown }).code === "DATABASE_UNAVAILABLE") return true;
    const cause = driverAdapterCause(current);
    if (cause?.kind && UNAVAILABLE_KINDS.has(cause.kind)) return true;
    if (cause?.kind === "postgres" && isUnavailableSqlState(cause.code)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
