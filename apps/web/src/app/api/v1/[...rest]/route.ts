import { currentUserDoor } from "@/dialects/d-current-user/door";
import { routeNotFound } from "@/dialects/d-current-user/not-found";
import { routeMethods } from "@/server/http/route-methods";

/** Dialect D: every other path under Stack Auth's `/api/v1/` is a JSON 404 in Stack's shape, never a page. */
const route = routeMethods(currentUserDoor, {
  GET: routeNotFound,
  POST: routeNotFound,
  PUT: routeNotFound,
  PATCH: routeNotFound,
  DELETE: routeNotFound,
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route;
