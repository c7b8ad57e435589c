import type { TokenRequest } from "@profilehub/validators";

import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";
import { nativeDoor } from "@/server/native/native-door";

const door = nativeDoor("auth");

/** `POST /api/auth/token`: `grant_type` `password` or `refresh_token` → 200 tokens; bad credentials → 401. */
const route = routeMethods(door, {
  POST: defineRoute(door, async ({ caller, body }) =>
    Response.json(await caller.auth.token(body as TokenRequest), { headers: { "cache-control": "no-store" } }),
  ),
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route;
