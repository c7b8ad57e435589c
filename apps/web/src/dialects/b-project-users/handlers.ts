import { createIssue } from "@profilehub/validators";

import { defineRoute } from "@/server/http/define-route";

import { asObject, unknownFieldProblems } from "../shared/fields";
import { projectUserFields, type ProjectUserParams } from "./contract";
import { projectUserDoor } from "./door";
import { projectUserResponse } from "./response";

/** `GET /:projectId/users/:userId`: the user themself, or any user of the project with server access. */
export const getProjectUser = defineRoute<ProjectUserParams>(projectUserDoor, async ({ params, caller }) =>
  projectUserResponse(await caller.users.get(params)),
);

/** `PATCH /:projectId/users/:userId`: body `{update:{…}}` with the eight documented fields. */
export const updateProjectUser = defineRoute<ProjectUserParams>(
  projectUserDoor,
  async ({ params, callerWith, body }) => {
    const update = asObject(asObject(body)?.update);
    const missing = !update || Object.keys(update).length === 0;
    const { changes, unknown } = projectUserFields.toCanonical(update ?? {});
    const problems = missing
      ? [createIssue("update", "missing_param", { param: "update" })]
      : unknownFieldProblems(unknown);
    const { user } = await callerWith(problems).users.update({ ...params, changes });
    return projectUserResponse(user);
  },
);
