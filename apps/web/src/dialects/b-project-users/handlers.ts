import { appError } from "@profilehub/api";
import { defineRoute } from "@/server/http/define-route";
import { asObject } from "../shared/fields";
import { projectUserFields, type ProjectUserParams } from "./contract";
import { projectUserDoor, requireCaller } from "./door";
import { missingData } from "./errors";
import { pathTarget } from "./params";
import { projectUserResponse } from "./response";

/** `GET /:projectId/users/:userId`: the user themself, or any user of the project with server access. */
export const getProjectUser = defineRoute<ProjectUserParams>(
  projectUserDoor,
  async ({ request, params, ctx, caller }) => {
    requireCaller(request, ctx);
    return projectUserResponse(await caller.users.get(pathTarget(params)));
  },
);

/** `PATCH /:projectId/users/:userId`: body `{update:{…}}` with the eight documented fields. */
export const updateProjectUser = defineRoute<ProjectUserParams>(
  projectUserDoor,
  async ({ request, params, ctx, caller, body }) => {
    requireCaller(request, ctx);
    const update = asObject(asObject(body)?.update);
    if (!update || Object.keys(update).length === 0) return missingData();
    const { changes, unknown } = projectUserFields.toCanonical(update);
    if (unknown.length > 0) {
      throw appError("validation", `Unknown field${unknown.length > 1 ? "s" : ""} in update: ${unknown.join(", ")}`);
    }
    const { user } = await caller.users.update({ ...pathTarget(params), changes });
    return projectUserResponse(user);
  },
);
