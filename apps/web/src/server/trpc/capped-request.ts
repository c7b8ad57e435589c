import { renderReason } from "@profilehub/validators";

import { trpcShape } from "../http/door-by-path";
import { declaredBodyLength, readCapped } from "../http/read-body";

/** The typed API's body cap: room for a batch of calls or a 100 KB data-URL avatar. */
export const TRPC_MAX_BODY_BYTES = 256 * 1024;

/**
 * A request whose body tRPC can only read up to the cap, or the 413 in tRPC's shape
 * (`reason: payload_too_large`) — before any byte beyond the cap is read. A body that declares its
 * length within the cap is that long (Node's HTTP parser enforces it): the request is passed on as
 * it is, for tRPC to read. Otherwise (chunked) it is read here, up to the cap, into a new request.
 */
export async function cappedRequest(request: Request): Promise<Request | Response> {
  if (request.method !== "POST" && request.method !== "PUT" && request.method !== "PATCH") return request;
  const declared = declaredBodyLength(request);
  if (declared !== null && declared <= TRPC_MAX_BODY_BYTES) return request;
  const bytes = await readCapped(request, TRPC_MAX_BODY_BYTES);
  if (!bytes) {
    const params = { maximumBytes: TRPC_MAX_BODY_BYTES };
    const message = renderReason("payload_too_large", params, "en");
    return trpcShape({ status: 413, reason: "payload_too_large", params, message, issues: [] });
  }
  const body = bytes as Uint8Array<ArrayBuffer>;
  return new Request(request.url, { method: request.method, headers: request.headers, body });
}
