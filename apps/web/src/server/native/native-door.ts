import { bearerToken, type Door } from "@profilehub/api";

import type { DoorAdapter } from "../http/define-route";

/**
 * ProfileHub's own REST endpoints (`/api/auth/*`, `/api/admin/*`): bearer token or `x-api-key`,
 * errors as `{error: {code, message, issues}}` where `code` is the router's reason.
 */
export function nativeDoor(door: Door): DoorAdapter {
  return {
    door,
    maxBodyBytes: 64 * 1024,
    acceptsForm: true,
    credentials: (request) => ({
      accessToken: bearerToken(request.headers.get("authorization")),
      serverKey: request.headers.get("x-api-key"),
    }),
    errorResponse: (error) =>
      Response.json(
        { error: { code: error.reason, message: error.message, issues: error.issues } },
        { status: error.status },
      ),
  };
}
