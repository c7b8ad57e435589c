import { bearerToken, DOOR_VIEW_FIELDS } from "@profilehub/api";

import type { DoorAdapter } from "@/server/http/define-route";

import { usersByIdError } from "./errors";

/** Dialect E: `Authorization: Bearer <JWT>`, JSON bodies, Rails-style errors. */
export const usersByIdDoor: DoorAdapter = {
  door: "dialect-e",
  maxBodyBytes: 256 * 1024,
  viewFields: DOOR_VIEW_FIELDS["dialect-e"],
  credentials: (request) => ({ accessToken: bearerToken(request.headers.get("authorization")) }),
  errorResponse: (error) => usersByIdError(error),
};
