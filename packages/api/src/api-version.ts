// The version handshake of the native typed API (`/api/trpc`). No imports: the published client
// inlines these constants.

/**
 * The router's API version. Raise it when a procedure, an input or an output changes; raise
 * `MIN_CLIENT_API_VERSION` as well when clients built for older versions can no longer work
 * (a procedure or field removed or renamed, a type narrowed).
 */
export const API_VERSION = 3;
/** The oldest client API version this server still answers. */
export const MIN_CLIENT_API_VERSION = 1;

/** Sent by clients (their API version) and by the server on every answer (its own). */
export const API_VERSION_HEADER = "x-profilehub-api-version";
/** Sent by the server on every answer: the oldest client API version it answers. */
export const MIN_API_VERSION_HEADER = "x-profilehub-min-api-version";

/** What the server tells a client it refuses: the version it declared (as sent, when unreadable) and its own. */
export interface ClientVersionProblem {
  clientVersion: number | null;
  declared: string;
  serverVersion: number;
  minimum: number;
}

/**
 * Why the server refuses a client's declared version, or `null` when it serves it. Requests
 * without the header (curl, the settings app's pages) are served.
 */
export function clientVersionProblem(header: string | null): ClientVersionProblem | null {
  if (header === null) return null;
  const version = /^\d{1,6}$/.test(header.trim()) ? Number(header.trim()) : null;
  if (version !== null && version >= MIN_CLIENT_API_VERSION) return null;
  return {
    clientVersion: version,
    declared: header.slice(0, 20),
    serverVersion: API_VERSION,
    minimum: MIN_CLIENT_API_VERSION,
  };
}
