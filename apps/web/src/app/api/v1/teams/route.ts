import { currentUserDoor } from "@/dialects/d-current-user/door";
import { listTeams } from "@/dialects/d-current-user/team-handlers";
import { routeMethods } from "@/server/http/route-methods";

/** Dialect D: the caller's teams, Stack Auth style (the SDK's `listTeams`). */
const route = routeMethods(currentUserDoor, { GET: listTeams });

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route;
