import { DOOR_VIEW_FIELDS } from "@profilehub/api";

import type { DoorAdapter } from "@/server/http/define-route";

import { MAX_BODY_BYTES, toStackError } from "./errors";
import { stackErrorResponse } from "./known-errors";
import { accessTokenOf, claimsServerAccess, projectIdOf, publishableKeyOf, serverKeyOf } from "./stack-auth";

/**
 * Dialect D: Stack Auth headers in (`x-stack-access-token`; the secret server key only with
 * `x-stack-access-type: server`; the project in `x-stack-project-id`; for client access the
 * project's publishable key, checked by the router), Stack known errors out.
 * The caps leave room for a 100 KB image.
 */
export const currentUserDoor: DoorAdapter = {
  door: "dialect-d",
  maxBodyBytes: MAX_BODY_BYTES,
  viewFields: DOOR_VIEW_FIELDS["dialect-d"],
  credentials: (request) => ({
    accessToken: accessTokenOf(request),
    serverKey: serverKeyOf(request),
    serverAccessClaimed: claimsServerAccess(request),
    projectId: projectIdOf(request),
    publishableClientKey: publishableKeyOf(request),
  }),
  errorResponse: (error, request) => stackErrorResponse(toStackError(error, request), request),
};
