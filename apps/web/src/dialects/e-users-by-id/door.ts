import { bearerToken } from "@profilehub/api";

import type { DoorAdapter } from "@/server/http/define-route";

import { usersByIdError } from "./errors";
import { USERS_BY_ID_VIEW } from "./response";

/** Dialect E: `Authorization: Bearer <JWT>`, JSON bodies, Rails-style errors. */
export const usersByIdDoor: DoorAdapter = {
  door: "dialect-e",
  maxBodyBytes: 256 * 1024,
  viewFields: USERS_BY_ID_VIEW,
  credentials: (request) => ({ accessToken: bearerToken(request.headers.get("authorization")) }),
  errorResponse: (error) => usersByIdError(error),
};
