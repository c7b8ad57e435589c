import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";
import { nativeDoor } from "@/server/native/native-door";

const door = nativeDoor("auth");

/**
 * `POST /api/auth/resend-verification` (bearer) → 200 `{status: "sent", email}` or
 * `{status: "already_verified"}`; 429 `rate_limited` past 3 an hour per account.
 */
const route = routeMethods(door, {
  POST: defineRoute(door, async ({ caller }) => Response.json(await caller.me.resendVerification())),
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route;
