import { currentUserDoor } from "@/dialects/d-current-user/door";
import { passwordSet } from "@/dialects/d-current-user/password-handlers";
import { routeMethods } from "@/server/http/route-methods";

/** Dialect D: Stack Auth's password set, for an account without one (the SDK's `setPassword`). */
const route = routeMethods(currentUserDoor, { POST: passwordSet });

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route;
