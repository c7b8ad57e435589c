import { appError } from "@profilehub/api";
import { defineRoute } from "@/server/http/define-route";
import { asObject } from "../shared/fields";
import { authUserFields } from "./contract";
import { authUserDoor } from "./door";
import { authUserResponse } from "./response";

/** `GET /api/v3/auth/user`: the signed-in user. */
export const getAuthUser = defineRoute(authUserDoor, async ({ caller }) => authUserResponse(await caller.me.get()));

/** `PUT /api/v3/auth/user`: email (pending), password (immediate), `data` merged into user metadata. */
export const updateAuthUser = defineRoute(authUserDoor, async ({ caller, body }) => {
  const object = body === undefined ? {} : asObject(body);
  if (!object) throw appError("validation", "The request body must be a JSON object");
  const { changes, unknown } = authUserFields.toCanonical(object);
  if (unknown.length > 0) {
    throw appError(
      "validation",
      `Unknown field${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}`,
      unknown.map((key) => ({ path: key, message: "Unknown field" })),
    );
  }
  return authUserResponse(await caller.me.update(changes));
});
