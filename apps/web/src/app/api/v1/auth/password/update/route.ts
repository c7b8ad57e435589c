import { currentUserDoor } from "@/dialects/d-current-user/door";
import { passwordUpdate } from "@/dialects/d-current-user/password-handlers";
import { routeMethods } from "@/server/http/route-methods";

/** Dialect D: Stack Auth's password update (the SDK's `updatePassword`). */
const route = routeMethods(currentUserDoor, { POST: passwordUpdate });

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route;
