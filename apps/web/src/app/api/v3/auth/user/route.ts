import { authUserDoor } from "@/dialects/a-auth-user/door";
import { getAuthUser, updateAuthUser } from "@/dialects/a-auth-user/handlers";
import { routeMethods } from "@/server/http/route-methods";

/** Dialect A (seed 000): the current user, Supabase-GoTrue style. */
const route = routeMethods(authUserDoor, { GET: getAuthUser, PUT: updateAuthUser });

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route;
