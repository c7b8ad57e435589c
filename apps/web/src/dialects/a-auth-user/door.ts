import { bearerToken, DOOR_VIEW_FIELDS } from "@profilehub/api";

import type { DoorAdapter } from "@/server/http/define-route";

import { authUserError } from "./errors";

/** Dialect A: `Authorization: Bearer`, and the `{data, success, errno, error}` envelope on errors too. */
export const authUserDoor: DoorAdapter = {
  door: "dialect-a",
  maxBodyBytes: 256 * 1024,
  viewFields: DOOR_VIEW_FIELDS["dialect-a"],
  credentials: (request) => ({ accessToken: bearerToken(request.headers.get("authorization")) }),
  errorResponse: (error) => authUserError(error),
};
