import type { ResetInput } from "@profilehub/validators";

import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";
import { nativeDoor } from "@/server/native/native-door";

const door = nativeDoor("auth");

/**
 * `POST /api/auth/reset` `{token, password}` → 200 `{email}`: the new password is set and every
 * session signed out; 400 `email_token_invalid` (unknown, used or expired link) or `validation`.
 */
const route = routeMethods(door, {
  POST: defineRoute(door, async ({ caller, body }) => Response.json(await caller.auth.reset(body as ResetInput))),
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route;
