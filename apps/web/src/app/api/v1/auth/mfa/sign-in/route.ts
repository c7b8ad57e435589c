import { mfaSignIn } from "@/dialects/d-current-user/auth-handlers";
import { currentUserDoor } from "@/dialects/d-current-user/door";
import { routeMethods } from "@/server/http/route-methods";

/** Dialect D: Stack Auth's second sign-in step with a TOTP code (the SDK's `signInWithMfa`). */
const route = routeMethods(currentUserDoor, { POST: mfaSignIn });

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route;
