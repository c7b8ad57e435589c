import type { RecoverInput } from "@profilehub/validators";

import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";
import { nativeDoor } from "@/server/native/native-door";

const door = nativeDoor("auth");

/**
 * `POST /api/auth/recover` `{email, projectId?}` → 202 `{status: "accepted"}`, whether or not the
 * address has an account: a password-reset link is mailed if it has one (3 an hour per address).
 */
const route = routeMethods(door, {
  POST: defineRoute(door, async ({ caller, body }) =>
    Response.json(await caller.auth.recover(body as RecoverInput), { status: 202 }),
  ),
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route;
