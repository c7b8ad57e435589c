import { describe, expect, it } from "vitest";

import { type CurrentUserEnv, WEBHOOK_SECRET } from "./env";
import { clientHeaders, patchMe, statusError } from "./stack";

export function describeWebhook(env: CurrentUserEnv): void {
  const { app, storedUser } = env;
  describe("dialect D — the project's validateUserUpdated webhook", () => {
    async function hookedUser() {
      const hook = { url: env.receiver.url, secret: WEBHOOK_SECRET };
      await app.server().admin.upsertProject({ projectId: "hooked", webhooks: { validateUserUpdated: hook } });
      return app.signUp({ projectId: "hooked" });
    }

    it("is asked with door dialect-d; a rejection is Stack's plain 422 with the webhook's text, nothing written", async () => {
      const user = await hookedUser();
      const headers = clientHeaders(user.accessToken, "hooked");
      env.receiver.mode = "accept";
      expect((await patchMe(headers, { display_name: "Allowed" })).status).toBe(200);
      expect(env.receiver.received.at(-1)!.json.data).toMatchObject({ door: "dialect-d", userId: user.id });
      env.receiver.mode = "reject";
      expect(statusError(await patchMe(headers, { display_name: "Refused" }), 422)).toBe(
        "Usernames containing admin are reserved",
      );
      expect((await storedUser(user.id)).displayName).toBe("Allowed");
    });

    it("a failing webhook is Stack's plain 502, without internals", async () => {
      const user = await hookedUser();
      env.receiver.mode = "error-500";
      const response = await patchMe(clientHeaders(user.accessToken, "hooked"), { display_name: "x" });
      expect(statusError(response, 502)).toBe("The validation webhook answered with status 500");
      expect(response.text).not.toContain("127.0.0.1");
    });
  });
}
