import { bearerToken, DOOR_VIEW_FIELDS } from "@profilehub/api";

import type { DoorAdapter } from "@/server/http/define-route";

import { projectUserError } from "./errors";

/**
 * Dialect B: `Authorization: Bearer <access token>`, or server access with `x-api-key` (a wrong
 * key is refused even beside a valid token); errors as `{error, code}`. 256 KB bodies, so a
 * data-URL avatar under 100 KB fits.
 */
export const projectUserDoor: DoorAdapter = {
  door: "dialect-b",
  maxBodyBytes: 256 * 1024,
  viewFields: DOOR_VIEW_FIELDS["dialect-b"],
  credentials: (request) => ({
    accessToken: bearerToken(request.headers.get("authorization")),
    serverKey: request.headers.get("x-api-key"),
    serverAccessClaimed: request.headers.has("x-api-key"),
  }),
  errorResponse: (error) => projectUserError(error),
};
