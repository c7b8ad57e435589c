import { currentUserDoor } from "@/dialects/d-current-user/door";
import { deleteUserById, getUserById, updateUserById } from "@/dialects/d-current-user/user-handlers";
import { routeMethods } from "@/server/http/route-methods";

/** Dialect D: a user by id, Stack Auth style (its server SDK's `getUser(id)` and `user.update`). */
const route = routeMethods(currentUserDoor, {
  GET: getUserById,
  PATCH: updateUserById,
  DELETE: deleteUserById,
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route;
