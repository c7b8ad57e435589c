import { describe, expect, it } from "vitest";

import * as projects from "@/app/api/admin/projects/[projectId]/route";
import * as userById from "@/app/api/v1/users/[userId]/route";
import * as me from "@/app/api/v1/users/me/route";

import { call } from "../helpers/dialect-app";
import { type CurrentUserEnv } from "./env";
import { clientHeaders, getMe, knownError, PATH } from "./stack";

const DISABLED = "Client user deletion is not enabled for this project";

/** `DELETE /api/v1/users/me` and `/users/{id}`, as Stack's SDK sends them (`user.delete()`). */
export function describeAccountDeletion(env: CurrentUserEnv): void {
  const { app, server } = env;
  const deleteMe = (headers: Record<string, string>) => call(me, "DELETE", PATH, { headers });
  const allowClientDeletion = (enabled: boolean) =>
    call(projects, "PUT", "/api/admin/projects/default", {
      headers: { "x-api-key": app.services.config.serverApiKey },
      params: { projectId: "default" },
      body: { clientUserDeletionEnabled: enabled },
    });

  describe("dialect D — DELETE (Stack's user.delete())", () => {
    it("client access: Stack's plain 400 until the project turns client deletion on; nothing deleted", async () => {
      const user = await app.signUp();
      const refused = await deleteMe(clientHeaders(user.accessToken));
      expect(refused.status).toBe(400);
      expect(refused.text).toBe(DISABLED);
      expect(refused.headers.get("content-type")).toMatch(/^text\/plain/);
      expect(refused.headers.get("x-stack-known-error")).toBeNull();
      const overridden = await deleteMe({
        ...clientHeaders(user.accessToken),
        "x-stack-override-error-status": "true",
      });
      expect(overridden.status).toBe(200);
      expect(overridden.headers.get("x-stack-actual-status")).toBe("400");
      expect((await getMe(clientHeaders(user.accessToken))).status).toBe(200);
    });

    it("client access with the setting on: 200 {success: true}, the token is refused at once, the notice is mailed", async () => {
      const user = await app.signUp();
      const enabled = await allowClientDeletion(true);
      expect(enabled.json).toMatchObject({ id: "default", clientUserDeletionEnabled: true });

      const deleted = await deleteMe(clientHeaders(user.accessToken));
      expect(deleted.status).toBe(200);
      expect(deleted.json).toEqual({ success: true });
      knownError(await getMe(clientHeaders(user.accessToken)), 401, "ACCESS_TOKEN_EXPIRED");
      knownError(await deleteMe(clientHeaders(user.accessToken)), 401, "ACCESS_TOKEN_EXPIRED");
      expect(await app.database.db.user.count({ where: { id: user.id } })).toBe(0);
      expect(await app.database.db.accountDeletion.findFirstOrThrow()).toMatchObject({
        userId: user.id,
        door: "dialect-d",
        proof: "session",
      });
      // (The sign-up's verification mail goes to the same address.)
      const mail = await env.smtp.waitForMail(
        (received) => received.to.includes(user.email) && received.subject.includes("deleted"),
      );
      expect(mail.text).toContain("It cannot be restored.");

      expect((await allowClientDeletion(false)).json.clientUserDeletionEnabled).toBe(false);
      const next = await app.signUp();
      expect((await deleteMe(clientHeaders(next.accessToken))).status).toBe(400);
    });

    it("server access: DELETE /users/me and DELETE /users/{id} need no setting; unknown ids are USER_NOT_FOUND", async () => {
      const first = await app.signUp();
      expect((await deleteMe(server(first.accessToken))).json).toEqual({ success: true });

      const second = await app.signUp();
      const byId = (headers: Record<string, string>, userId = second.id) =>
        call(userById, "DELETE", `/api/v1/users/${userId}`, { headers, params: { userId }, body: {} });
      const clientRefused = await byId(clientHeaders(second.accessToken));
      knownError(clientRefused, 401, "INSUFFICIENT_ACCESS_TYPE");
      expect(clientRefused.json.details).toEqual({ actual_access_type: "client", allowed_access_types: ["server"] });
      knownError(await byId(server(undefined, "wrong")), 401, "INVALID_SECRET_SERVER_KEY");
      const deleted = await byId(server());
      expect(deleted.status).toBe(200);
      expect(deleted.json).toEqual({ success: true });
      knownError(await byId(server()), 404, "USER_NOT_FOUND");
      knownError(await byId(server(), "not-a-uuid"), 404, "USER_NOT_FOUND");
      const tombstones = await app.database.db.accountDeletion.findMany({ orderBy: { id: "asc" } });
      expect(tombstones.map((row) => [row.userId, row.actorType, row.proof])).toEqual([
        [first.id, "server", "server_key"],
        [second.id, "server", "server_key"],
      ]);
    });
  });
}
