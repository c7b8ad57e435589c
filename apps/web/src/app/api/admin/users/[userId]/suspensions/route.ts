import type { suspensionCreateInputSchema } from "@profilehub/validators";
import type { z } from "zod";

import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";
import { bodyObject } from "@/server/native/body-object";
import { nativeDoor } from "@/server/native/native-door";

const door = nativeDoor("admin");
type Input = z.input<typeof suspensionCreateInputSchema>;

/** `POST /api/admin/users/{userId}/suspensions` `{reason, endsAt?}` → 201 `{id, reason, startsAt, endsAt}`. */
const route = routeMethods<{ userId: string }>(door, {
  POST: defineRoute(door, async ({ caller, body, params }) =>
    Response.json(await caller.admin.createSuspension({ ...bodyObject(body), userId: params.userId } as Input), {
      status: 201,
    }),
  ),
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route;
