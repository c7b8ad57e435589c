import { usersByIdDoor } from "@/dialects/e-users-by-id/door";
import { getUserById, updateUserById } from "@/dialects/e-users-by-id/handlers";
import { routeMethods } from "@/server/http/route-methods";

/** Dialect E (seed 004): a user by number, Rails style. */
const route = routeMethods(usersByIdDoor, { GET: getUserById, PUT: updateUserById });

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route;
