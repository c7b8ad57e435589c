import { projectUserDoor } from "@/dialects/b-project-users/door";
import { getProjectUser, updateProjectUser } from "@/dialects/b-project-users/handlers";
import { routeMethods } from "@/server/http/route-methods";

/** Dialect B (seed 001): a user of a project, Replyke style. */
const route = routeMethods(projectUserDoor, { GET: getProjectUser, PATCH: updateProjectUser });

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route;
