import { defineRoute } from "@/server/http/define-route";

import { formJsonDoor } from "./door";
import { parseFormJson } from "./request";
import { formJsonCurrent, formJsonUpdated } from "./response";

/** `GET /api/user/update`: the signed-in user in the same envelope. */
export const getFormJsonUser = defineRoute(formJsonDoor, async ({ caller }) => formJsonCurrent(await caller.me.get()));

/** `PUT /api/user/update`: name, surname, email (applied at once, unverified), description. */
export const updateFormJsonUser = defineRoute(formJsonDoor, async ({ callerWith, ctx, body }) => {
  const { changes, problems } = parseFormJson(body);
  return formJsonUpdated(await callerWith(problems).users.update({ userId: ctx.session?.userId, changes }));
});
