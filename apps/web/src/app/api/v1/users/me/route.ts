import { currentUserDoor } from "@/dialects/d-current-user/door";
import { deleteCurrentUser, getCurrentUser, updateCurrentUser } from "@/dialects/d-current-user/handlers";
import { routeMethods } from "@/server/http/route-methods";

/** Dialect D (seed 003): the current user, Stack Auth style. */
const route = routeMethods(currentUserDoor, {
  GET: getCurrentUser,
  PATCH: updateCurrentUser,
  DELETE: deleteCurrentUser,
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route;
