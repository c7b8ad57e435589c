import { defineRoute } from "@/server/http/define-route";

import { currentUserDoor } from "./door";
import { stackErrorResponse, statusError } from "./known-errors";
import { toStackTeam } from "./response";
import { stackAccessType } from "./stack-auth";

/**
 * `GET /api/v1/teams?user_id=me` (the SDK's `listTeams`, `getTeam`): `me.teams`, each in Stack's
 * team shape. Only the caller's own teams are served (`user_id=me`).
 */
export const listTeams = defineRoute(currentUserDoor, async ({ request, caller }) => {
  const access = stackAccessType(request);
  if (!access.ok) return stackErrorResponse(access.error, request);
  if (new URL(request.url).searchParams.get("user_id") !== "me") {
    return stackErrorResponse(
      statusError(403, "Only the signed-in user's own teams (user_id=me) are served."),
      request,
    );
  }
  const teams = await caller.me.teams();
  return Response.json({ items: teams.map(toStackTeam), is_paginated: false });
});
