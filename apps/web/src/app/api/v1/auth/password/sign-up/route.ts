import { passwordSignUp } from "@/dialects/d-current-user/auth-handlers";
import { currentUserDoor } from "@/dialects/d-current-user/door";
import { routeMethods } from "@/server/http/route-methods";

/** Dialect D: Stack Auth's password sign-up (what its SDK's credential calls send). */
const route = routeMethods(currentUserDoor, { POST: passwordSignUp });

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route;
