import { bearerToken } from "@profilehub/api";

import type { DoorAdapter } from "@/server/http/define-route";

import { authUserError } from "./errors";

/** Dialect A: `Authorization: Bearer`, and the `{data, success, errno, error}` envelope on errors too. */
export const authUserDoor: DoorAdapter = {
  door: "dialect-a",
  maxBodyBytes: 256 * 1024,
  credentials: (request) => ({ accessToken: bearerToken(request.headers.get("authorization")) }),
  errorResponse: (error) => authUserError(error),
};
