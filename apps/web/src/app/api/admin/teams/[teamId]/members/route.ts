import type { teamMemberAddInputSchema } from "@profilehub/validators";
import type { z } from "zod";

import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";
import { bodyObject } from "@/server/native/body-object";
import { nativeDoor } from "@/server/native/native-door";

const door = nativeDoor("admin");
type Input = z.input<typeof teamMemberAddInputSchema>;

/** `POST /api/admin/teams/{teamId}/members` `{userId}` → 201 `{teamId, userId}`. */
const route = routeMethods<{ teamId: string }>(door, {
  POST: defineRoute(door, async ({ caller, body, params }) =>
    Response.json(await caller.admin.addTeamMember({ ...bodyObject(body), teamId: params.teamId } as Input), {
      status: 201,
    }),
  ),
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route;
