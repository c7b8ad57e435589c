import { noteRequest } from "@/server/ops/request-context";

import { currentUserDoor } from "./door";

/**
 * A path ProfileHub does not serve under `/api/v1/`: 404 with `{code, error}` like Stack's errors,
 * but without the known-error header — the code is not in Stack SDK's catalogue, so the SDK
 * reports the status and this body instead of asking to be updated.
 */
export function routeNotFound(request: Request): Promise<Response> {
  noteRequest({ door: currentUserDoor.door });
  const { pathname } = new URL(request.url);
  const body = {
    code: "ROUTE_NOT_FOUND",
    error: `${request.method} ${pathname} is not part of ProfileHub's Stack Auth API (see docs/dialects/d-current-user.md).`,
  };
  return Promise.resolve(Response.json(body, { status: 404 }));
}
