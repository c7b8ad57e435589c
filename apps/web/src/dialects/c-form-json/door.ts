import { bearerToken } from "@profilehub/api";

import type { DoorAdapter } from "@/server/http/define-route";

import { formJsonError } from "./errors";
import { FORM_JSON_VIEW } from "./response";

/** Dialect C: the JWT in `Authorization` (bare, as the document's examples send it, or `Bearer …`); form or JSON bodies. */
export const formJsonDoor: DoorAdapter = {
  door: "dialect-c",
  maxBodyBytes: 256 * 1024,
  viewFields: FORM_JSON_VIEW,
  acceptsForm: true,
  credentials: (request) => ({ accessToken: bearerToken(request.headers.get("authorization")) }),
  errorResponse: (error) => formJsonError(error),
};
