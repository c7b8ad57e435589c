import type { teamCreateInputSchema } from "@profilehub/validators";
import type { z } from "zod";

import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";
import { bodyObject } from "@/server/native/body-object";
import { nativeDoor } from "@/server/native/native-door";

const door = nativeDoor("admin");

/** `POST /api/admin/teams` `{projectId?, displayName}` → 201 `{id, displayName, projectId}`. */
const route = routeMethods(door, {
  POST: defineRoute(door, async ({ caller, body }) =>
    Response.json(await caller.admin.createTeam(bodyObject(body) as z.input<typeof teamCreateInputSchema>), {
      status: 201,
    }),
  ),
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route;
