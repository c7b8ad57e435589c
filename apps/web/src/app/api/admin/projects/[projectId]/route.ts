import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";
import { bodyObject } from "@/server/native/body-object";
import { nativeDoor } from "@/server/native/native-door";

const door = nativeDoor("admin");

/** `PUT /api/admin/projects/{projectId}` `{name?, webhooks?, clientUserDeletionEnabled?}` → 200 the project (created if new). */
const route = routeMethods<{ projectId: string }>(door, {
  PUT: defineRoute(door, async ({ caller, body, params }) =>
    Response.json(await caller.admin.upsertProject({ ...bodyObject(body), projectId: params.projectId })),
  ),
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route;
