import { describe, expect, it } from "vitest";

import { type CurrentUserEnv } from "./env";
import { clientHeaders, getMe, knownError, patchMe, pngOfSize, SIGN_IN_FACTS, TINY_PNG, USER_KEYS } from "./stack";

export function describeClientAccess(env: CurrentUserEnv): void {
  const { app, storedUser, schemaMessage, teamOf } = env;
  describe("dialect D — PATCH /api/v1/users/me (seed 003), client access", () => {
    it("updates display_name and answers exactly the documented fields (no server_metadata)", async () => {
      const user = await app.signUp({ email: "jane@example.com" });
      const response = await patchMe(clientHeaders(user.accessToken), { display_name: "John Doe" });
      expect(response.status).toBe(200);
      expect(Object.keys(response.json).sort()).toEqual(USER_KEYS);
      const row = await storedUser(user.id);
      expect(response.json).toEqual({
        id: user.id,
        primary_email: "jane@example.com",
        primary_email_verified: false,
        primary_email_auth_enabled: true,
        display_name: "John Doe",
        selected_team: null,
        selected_team_id: null,
        profile_image_url: null,
        signed_up_at_millis: row.createdAt.getTime(),
        last_active_at_millis: row.lastActiveAt.getTime(),
        client_metadata: {},
        client_read_only_metadata: { provider: "email" },
        ...SIGN_IN_FACTS,
      });
      expect(row.displayName).toBe("John Doe");
    });

    it("replaces client_metadata (never merges) and keeps display_name (Stack's own example sequence)", async () => {
      const user = await app.signUp();
      const headers = clientHeaders(user.accessToken);
      await patchMe(headers, { display_name: "John Doe" });
      await patchMe(headers, { client_metadata: { key: "value", other: 1 } });
      const response = await patchMe(headers, { client_metadata: { key: "value" } });
      expect(response.json).toMatchObject({ display_name: "John Doe", client_metadata: { key: "value" } });
      expect((await storedUser(user.id)).userMetadata).toEqual({ key: "value" });
      const cleared = await patchMe(headers, { client_metadata: null });
      expect(cleared.json.client_metadata).toEqual({});
    });

    it("an empty display_name clears it, as Stack Auth does", async () => {
      const user = await app.signUp();
      await patchMe(clientHeaders(user.accessToken), { display_name: "John Doe" });
      const response = await patchMe(clientHeaders(user.accessToken), { display_name: "" });
      expect(response.status).toBe(200);
      expect(response.json.display_name).toBeNull();
      expect((await storedUser(user.id)).displayName).toBeNull();
    });

    it("writes every client field at once", async () => {
      const user = await app.signUp();
      const team = await teamOf(user.id);
      const response = await patchMe(clientHeaders(user.accessToken), {
        display_name: "Ada",
        profile_image_url: "https://cdn.example.com/ada.png",
        client_metadata: { theme: "dark" },
        selected_team_id: team.id,
        totp_secret_base64: "ZXhhbXBsZSB2YWx1ZQ==",
      });
      expect(response.status).toBe(200);
      expect(response.json).toMatchObject({
        display_name: "Ada",
        profile_image_url: "https://cdn.example.com/ada.png",
        client_metadata: { theme: "dark" },
        selected_team_id: team.id,
      });
      const row = await storedUser(user.id);
      expect(row).toMatchObject({ displayName: "Ada", selectedTeamId: team.id, userMetadata: { theme: "dark" } });
      expect(row.totpSecretEncrypted).toEqual(expect.any(String));
    });

    it("Stack's example: server_metadata from a client is a SCHEMA_ERROR, and nothing is written", async () => {
      const user = await app.signUp();
      const response = await patchMe(clientHeaders(user.accessToken), {
        display_name: "Johnny Doe",
        server_metadata: { key: "value" },
      });
      const message = schemaMessage("body contains unknown properties: server_metadata");
      expect(knownError(response, 400, "SCHEMA_ERROR")).toEqual({
        code: "SCHEMA_ERROR",
        details: { message },
        error: message,
      });
      expect((await storedUser(user.id)).displayName).toBeNull();
    });

    it("SCHEMA_ERROR names every offending key: each server-only field and unknown keys", async () => {
      const user = await app.signUp();
      const offending = [
        "client_read_only_metadata",
        "server_metadata",
        "primary_email_verified",
        "primary_email_auth_enabled",
        "password",
        "password_hash",
        "nickname",
      ];
      const body = {
        display_name: "Nope",
        client_read_only_metadata: { plan: "pro" },
        server_metadata: { secret: 1 },
        primary_email: "new@example.com",
        primary_email_verified: true,
        primary_email_auth_enabled: false,
        password: "a-new-password",
        password_hash: "$2a$10$VIhIOofSMqGdGlL4wzE//e.77dAQGqNtF/1dT7bqCrVtQuInWy2qi",
        nickname: "x",
      };
      const error = knownError(await patchMe(clientHeaders(user.accessToken), body), 400, "SCHEMA_ERROR");
      expect(error.error).toBe(schemaMessage(`body contains unknown properties: ${offending.join(", ")}`));
      expect(error.details).toEqual({ message: error.error });
      for (const key of offending) expect(error.details.message).toContain(key);
      const row = await storedUser(user.id);
      expect(row).toMatchObject({ displayName: null, appMetadata: { provider: "email" }, serverMetadata: {} });
      expect(row.email).toBe(user.email);
    });

    it("a valid server key sent with access type client gives no server rights", async () => {
      const user = await app.signUp();
      const headers = {
        ...clientHeaders(user.accessToken),
        "x-stack-secret-server-key": app.services.config.serverApiKey,
      };
      const response = await patchMe(headers, { server_metadata: { a: 1 } });
      expect(knownError(response, 400, "SCHEMA_ERROR").error).toContain("unknown properties: server_metadata");
      expect((await getMe(headers)).json).not.toHaveProperty("server_metadata");
    });

    it("TOTP: a base64 secret enables 2FA (encrypted at rest); null disables it; invalid base64 is refused", async () => {
      const user = await app.signUp();
      const headers = clientHeaders(user.accessToken);
      const secret = Buffer.from("12345678901234567890").toString("base64");
      expect((await patchMe(headers, { totp_secret_base64: secret })).status).toBe(200);
      const enabled = await storedUser(user.id);
      expect(enabled.totpSecretEncrypted).toEqual(expect.any(String));
      expect(enabled.totpSecretEncrypted).not.toContain(secret);
      expect((await (await user.as()).me.get()).totpEnabled).toBe(true);
      expect((await patchMe(headers, { totp_secret_base64: null })).status).toBe(200);
      expect((await storedUser(user.id)).totpSecretEncrypted).toBeNull();
      const invalid = knownError(
        await patchMe(headers, { totp_secret_base64: "not-valid-base64" }),
        400,
        "SCHEMA_ERROR",
      );
      expect(invalid.error).toBe(
        schemaMessage("body.totp_secret_base64: TOTP secret must be base64 encoding 10 to 64 bytes"),
      );
    });

    it("profile_image_url: a real tiny PNG data URL is accepted; fake bytes and ≥ 100 KB are refused", async () => {
      const user = await app.signUp();
      const headers = clientHeaders(user.accessToken);
      const png = `data:image/png;base64,${TINY_PNG}`;
      const accepted = await patchMe(headers, { profile_image_url: png });
      expect(accepted.status).toBe(200);
      expect(accepted.json.profile_image_url).toBe(png);
      // Stack Auth's own example (a GIF header).
      const gif = await patchMe(headers, { profile_image_url: "data:image/gif;base64,R0lGODlhAQABAAAAACw=" });
      expect(gif.json.profile_image_url).toBe("data:image/gif;base64,R0lGODlhAQABAAAAACw=");
      const justUnder = await patchMe(headers, { profile_image_url: pngOfSize(100 * 1024 - 1) });
      expect(justUnder.status).toBe(200);

      const refused = [
        [`data:image/png;base64,${Buffer.from("definitely not a png").toString("base64")}`, "is not a PNG, JPEG"],
        [pngOfSize(100 * 1024), "Image must be smaller than 100 KB"],
        ["data:image/not-valid;base64,test", "is not a PNG, JPEG"],
        ["http://localhost:8101/open-graph-image.png", "Image must be an https URL or a base64 data URL"],
      ] as const;
      for (const [url, message] of refused) {
        const error = knownError(await patchMe(headers, { profile_image_url: url }), 400, "SCHEMA_ERROR");
        expect(error.error).toMatch(
          /^Request validation failed on PATCH \/api\/v1\/users\/me:\n {2}- body\.profile_image_url: /,
        );
        expect(error.error).toContain(message);
      }
      expect((await storedUser(user.id)).avatarUrl).toBe(pngOfSize(100 * 1024 - 1));
    });

    it("selected_team_id: a team the user belongs to is selected (Stack team shape); another is TEAM_MEMBERSHIP_NOT_FOUND", async () => {
      const user = await app.signUp();
      const team = await teamOf(user.id, "Acme");
      const headers = clientHeaders(user.accessToken);
      const selected = await patchMe(headers, { selected_team_id: team.id });
      expect(selected.status).toBe(200);
      expect(selected.json.selected_team_id).toBe(team.id);
      expect(selected.json.selected_team).toEqual({
        id: team.id,
        display_name: "Acme",
        profile_image_url: null,
        client_metadata: null,
        client_read_only_metadata: null,
        created_at_millis: expect.any(Number),
      });
      expect(Math.abs(selected.json.selected_team.created_at_millis - Date.now())).toBeLessThan(60_000);

      const foreign = await teamOf(null, "Not mine");
      expect(
        knownError(await patchMe(headers, { selected_team_id: foreign.id }), 404, "TEAM_MEMBERSHIP_NOT_FOUND"),
      ).toEqual({
        code: "TEAM_MEMBERSHIP_NOT_FOUND",
        details: { team_id: foreign.id, user_id: user.id },
        error: `User ${user.id} is not found in team ${foreign.id}.`,
      });
      expect((await storedUser(user.id)).selectedTeamId).toBe(team.id);
      const notUuid = knownError(await patchMe(headers, { selected_team_id: "team-1" }), 400, "SCHEMA_ERROR");
      expect(notUuid.error).toContain("body.selected_team_id: Team id must be a UUID");

      const deselected = await patchMe(headers, { selected_team_id: null });
      expect(deselected.json).toMatchObject({ selected_team_id: null, selected_team: null });
    });

    it("lists every invalid field in one SCHEMA_ERROR", async () => {
      const user = await app.signUp();
      const response = await patchMe(clientHeaders(user.accessToken), {
        display_name: 42,
        profile_image_url: "ftp://example.com/a.png",
        client_metadata: "not an object",
        totp_secret_base64: "???",
      });
      const error = knownError(response, 400, "SCHEMA_ERROR");
      for (const field of ["display_name", "profile_image_url", "client_metadata", "totp_secret_base64"]) {
        expect(error.error).toContain(`  - body.${field}: `);
      }
      expect(error.error.split("\n")).toHaveLength(5);
    });

    it("primary_email (Stack's client update schema) is applied at once, unverified, with a verification mail", async () => {
      const user = await app.signUp({ email: "client-old@example.com" });
      const response = await patchMe(clientHeaders(user.accessToken), { primary_email: "client-new@example.com" });
      expect(response.json).toMatchObject({ primary_email: "client-new@example.com", primary_email_verified: false });
      expect((await storedUser(user.id)).email).toBe("client-new@example.com");
      const mail = await env.smtp.waitForMail((received) => received.to.includes("client-new@example.com"));
      expect(mail.text).toContain("/api/auth/verify-email?token=");
    });

    it("otp_auth_enabled / passkey_auth_enabled false change nothing; true is refused (ProfileHub has neither)", async () => {
      const user = await app.signUp();
      const off = await patchMe(clientHeaders(user.accessToken), {
        display_name: "Off",
        otp_auth_enabled: false,
        passkey_auth_enabled: false,
      });
      expect(off.json).toMatchObject({ display_name: "Off", otp_auth_enabled: false, passkey_auth_enabled: false });
      const on = knownError(
        await patchMe(clientHeaders(user.accessToken), { passkey_auth_enabled: true }),
        400,
        "SCHEMA_ERROR",
      );
      expect(on.error).toContain("body contains unknown properties: passkey_auth_enabled");
    });
  });
}
