import { oauthToken, oauthTokenDoor } from "@/dialects/d-current-user/auth-handlers";
import { routeMethods } from "@/server/http/route-methods";

/** Dialect D: Stack Auth's OAuth token endpoint (the refresh grant its SDK uses). */
const route = routeMethods(oauthTokenDoor, { POST: oauthToken });

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route;
