import { defineRoute } from "@/server/http/define-route";

import { asObject, notAnObject, unknownFieldProblems } from "../shared/fields";
import { authUserFields } from "./contract";
import { authUserDoor } from "./door";
import { authUserResponse } from "./response";

/** `GET /api/v3/auth/user`: the signed-in user. */
export const getAuthUser = defineRoute(authUserDoor, async ({ caller }) => authUserResponse(await caller.me.get()));

/** `PUT /api/v3/auth/user`: email (pending), password (immediate), `data` merged into user metadata. */
export const updateAuthUser = defineRoute(authUserDoor, async ({ callerWith, body }) => {
  const object = body === undefined ? {} : asObject(body);
  if (!object) return authUserResponse(await callerWith([notAnObject()]).me.update({}));
  const { changes, unknown, problems } = authUserFields.toCanonical(object);
  return authUserResponse(await callerWith([...unknownFieldProblems(unknown), ...problems]).me.update(changes));
});
