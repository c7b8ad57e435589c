import { describe, expect, it } from "vitest";

import { type CurrentUserEnv } from "./env";
import { claimsOf, clientHeaders, getMe, knownError, patchMe } from "./stack";

export function describeStackHeaders(env: CurrentUserEnv): void {
  const { app, server, storedUser } = env;
  describe("dialect D — Stack Auth headers", () => {
    it("no access token: CANNOT_GET_OWN_USER_WITHOUT_USER (client and server access)", async () => {
      for (const headers of [clientHeaders(), server()]) {
        expect(knownError(await getMe(headers), 400, "CANNOT_GET_OWN_USER_WITHOUT_USER")).toEqual({
          code: "CANNOT_GET_OWN_USER_WITHOUT_USER",
          error: "You have specified 'me' as a userId, but did not provide authentication for a user.",
        });
        knownError(await patchMe(headers, { display_name: "x" }), 400, "CANNOT_GET_OWN_USER_WITHOUT_USER");
      }
    });

    it("access type missing, invalid or admin; project id missing", async () => {
      const user = await app.signUp();
      const token = { "x-stack-access-token": user.accessToken, "x-stack-project-id": "default" };
      knownError(await getMe(token), 400, "ACCESS_TYPE_REQUIRED");
      knownError(
        await getMe({ ...token, "x-stack-publishable-client-key": "pck" }),
        400,
        "PROJECT_KEY_WITHOUT_ACCESS_TYPE",
      );
      expect(
        knownError(await patchMe({ ...token, "x-stack-access-type": "root" }, {}), 400, "INVALID_ACCESS_TYPE").error,
      ).toBe("The x-stack-access-type header must be 'client', 'server', or 'admin', but was 'root'.");
      expect(
        knownError(await getMe({ ...token, "x-stack-access-type": "admin" }), 401, "INSUFFICIENT_ACCESS_TYPE").details,
      ).toEqual({
        actual_access_type: "admin",
        allowed_access_types: ["client", "server"],
      });
      const noProject = { "x-stack-access-type": "client", "x-stack-access-token": user.accessToken };
      expect(knownError(await getMe(noProject), 400, "ACCESS_TYPE_WITHOUT_PROJECT_ID").details).toEqual({
        request_type: "client",
      });
    });

    it("x-stack-project-id must be the project of the token", async () => {
      const user = await app.signUp({ projectId: "acme" });
      expect((await getMe(clientHeaders(user.accessToken, "acme"))).status).toBe(200);
      const response = await patchMe(clientHeaders(user.accessToken, "default"), { display_name: "x" });
      expect(knownError(response, 401, "INVALID_PROJECT_FOR_ACCESS_TOKEN")).toEqual({
        code: "INVALID_PROJECT_FOR_ACCESS_TOKEN",
        details: { expected_project_id: "default", actual_project_id: "acme" },
        error:
          'Access token not valid for this project. Expected project ID "default", but the token is for project ID "acme".',
      });
      expect((await storedUser(user.id)).displayName).toBeNull();
    });

    it("server access with a wrong or missing key: INVALID_SECRET_SERVER_KEY (401)", async () => {
      const user = await app.signUp();
      for (const key of ["wrong-key", null]) {
        const response = await patchMe(server(user.accessToken, key), { server_metadata: { a: 1 } });
        expect(knownError(response, 401, "INVALID_SECRET_SERVER_KEY")).toEqual({
          code: "INVALID_SECRET_SERVER_KEY",
          details: { project_id: "default" },
          error: 'The secret server key is not valid for the project "default". Does the project and/or the key exist?',
        });
      }
      expect((await storedUser(user.id)).serverMetadata).toEqual({});
    });

    it("unparsable, expired and revoked access tokens", async () => {
      const user = await app.signUp();
      expect(knownError(await getMe(clientHeaders("12341234")), 401, "UNPARSABLE_ACCESS_TOKEN").error).toBe(
        "Access token is not parsable.",
      );
      const issuedAt = Date.now() - 3_600_000;
      const expired = await app.services.tokens.sign(claimsOf(user.accessToken), issuedAt);
      const error = knownError(
        await patchMe(clientHeaders(expired), { display_name: "x" }),
        401,
        "ACCESS_TOKEN_EXPIRED",
      );
      const expiredAt = (Math.floor(issuedAt / 1000) + app.services.tokens.expiresIn) * 1000;
      expect(error).toEqual({
        code: "ACCESS_TOKEN_EXPIRED",
        details: { expired_at_millis: expiredAt },
        error: `Access token has expired. Please refresh it and try again. (The access token expired at ${new Date(expiredAt).toISOString()}.)`,
      });
      await (await user.as()).auth.signOut();
      knownError(await getMe(clientHeaders(user.accessToken)), 401, "ACCESS_TOKEN_EXPIRED");
      knownError(await patchMe(clientHeaders(user.accessToken), { display_name: "x" }), 401, "ACCESS_TOKEN_EXPIRED");
    });
  });
}
