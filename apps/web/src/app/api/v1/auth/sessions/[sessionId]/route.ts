import { currentUserDoor } from "@/dialects/d-current-user/door";
import { revokeSession } from "@/dialects/d-current-user/session-handlers";
import { routeMethods } from "@/server/http/route-methods";

/** Dialect D: revoke one of the caller's sessions (the SDK's `revokeSession`). */
const route = routeMethods<{ sessionId: string }>(currentUserDoor, { DELETE: revokeSession });

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route;
