import { AsyncLocalStorage } from "node:async_hooks";

/** What the access log says about one request, filled in as the request goes. */
export interface RequestRecord {
  id: string;
  /** The door that served it (set by the route; the server guesses for pages and assets). */
  door?: string;
  /** The signed-in user, once a credential proved who it is. */
  userId?: string;
  /**
   * The client's address as the HTTP server determined it (the socket's, or the trusted proxy's
   * `X-Forwarded-For` with `TRUST_PROXY`): what abuse limits and the session list use.
   */
  clientIp?: string | null;
  /** Served over https (a trusted proxy's `X-Forwarded-Proto`). */
  https?: boolean;
}

// One store per process, shared by the HTTP server and every route bundle (hence globalThis).
const KEY = Symbol.for("profilehub.requestContext");
type Holder = { [KEY]?: AsyncLocalStorage<RequestRecord> };

export function requestStorage(): AsyncLocalStorage<RequestRecord> {
  const holder = globalThis as Holder;
  holder[KEY] ??= new AsyncLocalStorage<RequestRecord>();
  return holder[KEY];
}

/** The request being served, when the HTTP server started one (not in tests calling routes directly). */
export function currentRequest(): RequestRecord | undefined {
  return requestStorage().getStore();
}

/** Records the door and user of the current request for its log line. */
export function noteRequest(fields: { door?: string; userId?: string | null }): void {
  const record = currentRequest();
  if (!record) return;
  if (fields.door) record.door = fields.door;
  if (fields.userId) record.userId = fields.userId;
}
