import { bearerToken, DOOR_VIEW_FIELDS } from "@profilehub/api";

import type { DoorAdapter } from "@/server/http/define-route";

import { formJsonError } from "./errors";

/** Dialect C: the JWT in `Authorization` (bare, as the document's examples send it, or `Bearer …`); form or JSON bodies. */
export const formJsonDoor: DoorAdapter = {
  door: "dialect-c",
  maxBodyBytes: 256 * 1024,
  viewFields: DOOR_VIEW_FIELDS["dialect-c"],
  acceptsForm: true,
  credentials: (request) => ({ accessToken: bearerToken(request.headers.get("authorization")) }),
  errorResponse: (error) => formJsonError(error),
};
