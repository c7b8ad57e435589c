import type { SignupInput } from "@profilehub/validators";

import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";
import { nativeDoor } from "@/server/native/native-door";

const door = nativeDoor("auth");

/** `POST /api/auth/signup` `{email, password, projectId?}` → 201 `{user, accessToken, refreshToken, expiresIn}`. */
const route = routeMethods(door, {
  POST: defineRoute(door, async ({ caller, body }) =>
    Response.json(await caller.auth.signUp(body as SignupInput), { status: 201 }),
  ),
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route;
