import { linkToken } from "@profilehub/api/testing";
import bcrypt from "bcryptjs";
import { Secret, TOTP } from "otpauth";
import { describe, expect, it } from "vitest";

import { type CurrentUserEnv } from "./env";
import { clientHeaders, getMe, knownError, patchMe, SERVER_USER_KEYS, TINY_PNG, USER_KEYS } from "./stack";

export function describeServerAccess(env: CurrentUserEnv): void {
  const { app, server, storedUser, signIn, schemaMessage, teamOf } = env;
  describe("dialect D — server access", () => {
    it("writes every documented field and answers server_metadata", async () => {
      const user = await app.signUp({ email: "before@example.com", password: "old password 1" });
      const team = await teamOf(user.id);
      const response = await patchMe(server(user.accessToken), {
        display_name: "Server Set",
        profile_image_url: `data:image/png;base64,${TINY_PNG}`,
        client_metadata: { a: 1 },
        client_read_only_metadata: { plan: "pro" },
        server_metadata: { stripeId: "cus_123" },
        primary_email: "after@example.com",
        primary_email_verified: true,
        primary_email_auth_enabled: true,
        password: "new password 22",
        totp_secret_base64: Buffer.from("abcdefghij").toString("base64"),
        selected_team_id: team.id,
      });
      expect(response.status).toBe(200);
      expect(Object.keys(response.json).sort()).toEqual(SERVER_USER_KEYS);
      expect(response.json).toMatchObject({
        display_name: "Server Set",
        profile_image_url: `data:image/png;base64,${TINY_PNG}`,
        client_metadata: { a: 1 },
        client_read_only_metadata: { plan: "pro" },
        server_metadata: { stripeId: "cus_123" },
        primary_email: "after@example.com",
        primary_email_verified: true,
        primary_email_auth_enabled: true,
        selected_team_id: team.id,
        selected_team: { id: team.id, display_name: "Team A" },
        has_password: true,
        requires_totp_mfa: true,
        risk_scores: { sign_up: { bot: 0, free_trial_abuse: 0 } },
      });
      const row = await storedUser(user.id);
      expect(row).toMatchObject({ appMetadata: { plan: "pro" }, serverMetadata: { stripeId: "cus_123" } });
      expect(row.totpSecretEncrypted).toEqual(expect.any(String));
      // Two-factor is on now: signing in takes the authenticator's current code as well.
      const secret = new Secret({ buffer: new Uint8Array(Buffer.from("abcdefghij")).buffer });
      const totp = new TOTP({ secret, digits: 6, period: 30 }).generate();
      const signedIn = await app
        .anonymous("auth")
        .auth.token({ grant_type: "password", email: "after@example.com", password: "new password 22", totp });
      expect(signedIn.user.id).toBe(user.id);
    });

    it("server_metadata is visible to server access only", async () => {
      const user = await app.signUp();
      await patchMe(server(user.accessToken), { server_metadata: { secret: "s3" } });
      const asServer = await getMe(server(user.accessToken));
      expect(asServer.status).toBe(200);
      expect(Object.keys(asServer.json).sort()).toEqual(SERVER_USER_KEYS);
      expect(asServer.json.server_metadata).toEqual({ secret: "s3" });
      const asClient = await getMe(clientHeaders(user.accessToken));
      expect(Object.keys(asClient.json).sort()).toEqual(USER_KEYS);
      expect(asClient.text).not.toContain("s3");
      const clientPatch = await patchMe(clientHeaders(user.accessToken), { display_name: "C" });
      expect(clientPatch.json).not.toHaveProperty("server_metadata");
    });

    it("primary_email_auth_enabled false stops password sign-in with the primary email", async () => {
      const user = await app.signUp();
      const response = await patchMe(server(user.accessToken), { primary_email_auth_enabled: false });
      expect(response.json.primary_email_auth_enabled).toBe(false);
      await expect(signIn(user.email, user.password)).rejects.toThrow();
      const back = await patchMe(server(user.accessToken), { primary_email_auth_enabled: true });
      expect(back.json.primary_email_auth_enabled).toBe(true);
      expect((await signIn(user.email, user.password)).user.id).toBe(user.id);
    });

    it("primary_email is applied at once, unverified, with a verification mail and a notice to the old address", async () => {
      const user = await app.signUp({ email: "old@example.com" });
      env.smtp.mails.length = 0;
      const response = await patchMe(server(user.accessToken), { primary_email: "New@Example.com" });
      expect(response.status).toBe(200);
      expect(response.json).toMatchObject({ primary_email: "new@example.com", primary_email_verified: false });
      expect((await storedUser(user.id)).email).toBe("new@example.com");
      const mail = await env.smtp.waitForMail((received) => received.to.includes("new@example.com"));
      expect(mail.text).toContain("http://localhost:3000/api/auth/verify-email?token=");
      await env.smtp.waitForMail(
        (received) => received.to.includes("old@example.com") && /being changed/.test(received.subject),
      );
      await app.anonymous("auth").auth.verifyEmail({ token: linkToken(mail) });
      expect((await getMe(server(user.accessToken))).json.primary_email_verified).toBe(true);
    });

    it("primary_email_verified can be set by the server", async () => {
      const user = await app.signUp();
      const verified = await patchMe(server(user.accessToken), { primary_email_verified: true });
      expect(verified.json.primary_email_verified).toBe(true);
      expect((await storedUser(user.id)).emailVerifiedAt).toBeInstanceOf(Date);
      const unverified = await patchMe(server(user.accessToken), { primary_email_verified: false });
      expect(unverified.json.primary_email_verified).toBe(false);
    });

    it("an email taken in the project is USER_EMAIL_ALREADY_EXISTS (409)", async () => {
      await app.signUp({ email: "taken@example.com" });
      const user = await app.signUp();
      const response = await patchMe(server(user.accessToken), { primary_email: "taken@example.com" });
      expect(knownError(response, 409, "USER_EMAIL_ALREADY_EXISTS")).toEqual({
        code: "USER_EMAIL_ALREADY_EXISTS",
        details: { email: "taken@example.com", would_work_if_email_was_verified: false },
        error: 'A user with email "taken@example.com" already exists.',
      });
    });

    it("password revokes ALL sessions, the caller's included; the new password signs in", async () => {
      const user = await app.signUp({ password: "first password 1" });
      const other = await signIn(user.email, "first password 1");
      const response = await patchMe(server(user.accessToken), { password: "second password 2" });
      expect(response.status).toBe(200);
      for (const token of [user.accessToken, other.accessToken]) {
        knownError(await getMe(clientHeaders(token)), 401, "ACCESS_TOKEN_EXPIRED");
      }
      const sessions = await app.database.db.session.findMany({ where: { userId: user.id } });
      expect(sessions).toHaveLength(2);
      expect(sessions.every((session) => session.revokedAt !== null)).toBe(true);
      await expect(signIn(user.email, "first password 1")).rejects.toThrow();
      const fresh = await signIn(user.email, "second password 2");
      expect((await getMe(clientHeaders(fresh.accessToken))).status).toBe(200);
    });

    it("password_hash (bcrypt) is stored as given, revokes ALL sessions, and signs in", async () => {
      const user = await app.signUp();
      const other = await signIn(user.email, user.password);
      const hash = await bcrypt.hash("imported password", 10);
      const response = await patchMe(server(user.accessToken), { password_hash: hash });
      expect(response.status).toBe(200);
      for (const token of [user.accessToken, other.accessToken]) {
        knownError(await getMe(clientHeaders(token)), 401, "ACCESS_TOKEN_EXPIRED");
      }
      expect((await signIn(user.email, "imported password")).user.id).toBe(user.id);
      // The seed's own example hash is a well-formed bcrypt hash: accepted.
      const again = await signIn(user.email, "imported password");
      const example = "$2a$10$VIhIOofSMqGdGlL4wzE//e.77dAQGqNtF/1dT7bqCrVtQuInWy2qi";
      expect((await patchMe(server(again.accessToken), { password_hash: example })).status).toBe(200);
    });

    it("password and password_hash together, or a bad hash, are SCHEMA_ERRORs; nothing is revoked", async () => {
      const user = await app.signUp();
      const both = await patchMe(server(user.accessToken), {
        password: "a long enough password",
        password_hash: await bcrypt.hash("x", 4),
      });
      expect(knownError(both, 400, "SCHEMA_ERROR").error).toBe(
        schemaMessage("body.password_hash: Send either password or password_hash, not both"),
      );
      const md5 = knownError(
        await patchMe(server(user.accessToken), { password_hash: "$1$salt$abcdefghijklmnopqrstuv" }),
        400,
        "SCHEMA_ERROR",
      );
      expect(md5.error).toContain("body.password_hash: Password hash must be a bcrypt");
      expect((await getMe(clientHeaders(user.accessToken))).status).toBe(200);
    });

    it("a short password is PASSWORD_TOO_SHORT with its details", async () => {
      const user = await app.signUp();
      expect(
        knownError(await patchMe(server(user.accessToken), { password: "short" }), 400, "PASSWORD_TOO_SHORT"),
      ).toEqual({
        code: "PASSWORD_TOO_SHORT",
        details: { min_length: 8 },
        error: "Password too short. Minimum length is 8.",
      });
      const tooLong = await patchMe(server(user.accessToken), { password: "x".repeat(129) });
      expect(knownError(tooLong, 400, "PASSWORD_TOO_LONG").details).toEqual({ maxLength: 128 });
      const same = await patchMe(server(user.accessToken), { password: user.password });
      expect(knownError(same, 400, "PASSWORD_REQUIREMENTS_NOT_MET").error).toContain("different from the current");
    });

    it("unknown keys are a SCHEMA_ERROR for server access too", async () => {
      const user = await app.signUp();
      const response = await patchMe(server(user.accessToken), { display_name: "x", nickname: "n", role: "admin" });
      expect(knownError(response, 400, "SCHEMA_ERROR").error).toBe(
        schemaMessage("body contains unknown properties: nickname, role"),
      );
    });
  });
}
