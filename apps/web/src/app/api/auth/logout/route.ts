import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";
import { nativeDoor } from "@/server/native/native-door";

const door = nativeDoor("auth");

/** `POST /api/auth/logout` (bearer) → 204; the session's tokens stop working at once. */
const route = routeMethods(door, {
  POST: defineRoute(door, async ({ caller }) => {
    await caller.auth.signOut();
    return new Response(null, { status: 204 });
  }),
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route;
