import { currentUserDoor } from "@/dialects/d-current-user/door";
import { listSessions } from "@/dialects/d-current-user/session-handlers";
import { routeMethods } from "@/server/http/route-methods";

/** Dialect D: the caller's sessions, Stack Auth style (the SDK's `getActiveSessions`). */
const route = routeMethods(currentUserDoor, { GET: listSessions });

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route;
