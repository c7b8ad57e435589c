import { Secret, TOTP } from "otpauth";
import { describe, expect, it } from "vitest";

import * as mfaRoute from "@/app/api/v1/auth/mfa/sign-in/route";
import * as setRoute from "@/app/api/v1/auth/password/set/route";
import * as signInRoute from "@/app/api/v1/auth/password/sign-in/route";
import * as updateRoute from "@/app/api/v1/auth/password/update/route";
import * as sessionRoute from "@/app/api/v1/auth/sessions/[sessionId]/route";
import * as sessionsRoute from "@/app/api/v1/auth/sessions/route";
import * as teamsRoute from "@/app/api/v1/teams/route";

import { call } from "../helpers/dialect-app";
import { type CurrentUserEnv } from "./env";
import { clientHeaders, getMe, knownError, patchMe, serverHeaders, statusError } from "./stack";

const UPDATE = "/api/v1/auth/password/update";
const SESSIONS = "/api/v1/auth/sessions?user_id=me";
const sessionPath = (id: string, userId = "me") => `/api/v1/auth/sessions/${id}?user_id=${userId}`;

export function describeAccountRoutes(env: CurrentUserEnv): void {
  const { app, signIn, storedUser, teamOf } = env;
  const updatePassword = (token: string, body: unknown) =>
    call(updateRoute, "POST", UPDATE, { headers: clientHeaders(token), body });

  describe("dialect D — Stack's password update/set, sessions, teams and MFA sign-in", () => {
    it("password update: the old password is proven (PASSWORD_CONFIRMATION_MISMATCH), other sessions end, this one stays", async () => {
      const user = await app.signUp({ email: "pw-update@example.com", password: "old password 1" });
      const other = await signIn("pw-update@example.com", "old password 1");
      const wrong = await updatePassword(user.accessToken, { old_password: "nope", new_password: "new password 1" });
      expect(knownError(wrong, 400, "PASSWORD_CONFIRMATION_MISMATCH").error).toBe("Passwords do not match.");
      const missing = await updatePassword(user.accessToken, { old_password: "old password 1" });
      expect(knownError(missing, 400, "SCHEMA_ERROR").error).toContain("body.new_password");
      const noOld = await updatePassword(user.accessToken, { new_password: "new password 1" });
      expect(knownError(noOld, 400, "SCHEMA_ERROR").error).toContain("body.old_password");
      const ok = await updatePassword(user.accessToken, {
        old_password: "old password 1",
        new_password: "new password 1",
      });
      expect([ok.status, ok.json]).toEqual([200, { success: true }]);
      expect((await getMe(clientHeaders(user.accessToken))).status).toBe(200);
      knownError(await getMe(clientHeaders(other.accessToken)), 401, "ACCESS_TOKEN_EXPIRED");
      expect((await signIn("pw-update@example.com", "new password 1")).user.id).toBe(user.id);
    });

    it("password set: only for an account without a password (Stack's plain 400 otherwise)", async () => {
      const user = await app.signUp({ email: "pw-set@example.com", password: "first password 1" });
      const refused = await call(setRoute, "POST", "/api/v1/auth/password/set", {
        headers: clientHeaders(user.accessToken),
        body: { password: "second password 1" },
      });
      expect(statusError(refused, 400)).toBe("User already has a password set.");
      await app.database.db.user.update({ where: { id: user.id }, data: { passwordHash: null } });
      const set = await call(setRoute, "POST", "/api/v1/auth/password/set", {
        headers: clientHeaders(user.accessToken),
        body: { password: "second password 1" },
      });
      expect(set.status).toBe(200);
      expect((await storedUser(user.id)).passwordHash).toMatch(/^\$argon2id\$/);
    });

    it("sessions: lists the caller's own, revokes another; the current one and strangers' are refused", async () => {
      const user = await app.signUp({ email: "sessions@example.com", password: "sessions pass 1" });
      const other = await signIn("sessions@example.com", "sessions pass 1");
      const stranger = await app.signUp();
      const list = await call(sessionsRoute, "GET", SESSIONS, { headers: clientHeaders(user.accessToken) });
      expect(list.json.is_paginated).toBe(false);
      expect(list.json.items).toHaveLength(2);
      const current = list.json.items.find((item: any) => item.is_current_session);
      const another = list.json.items.find((item: any) => !item.is_current_session);
      expect(current).toMatchObject({ user_id: user.id, is_impersonation: false, created_at: expect.any(Number) });

      const del = (id: string, token = user.accessToken, userId = "me") =>
        call(sessionRoute, "DELETE", sessionPath(id, userId), {
          headers: clientHeaders(token),
          params: { sessionId: id },
        });
      knownError(await del(current.id), 400, "CANNOT_DELETE_CURRENT_SESSION");
      const strangers = await call(sessionsRoute, "GET", SESSIONS, { headers: clientHeaders(stranger.accessToken) });
      expect(statusError(await del(strangers.json.items[0].id), 404)).toBe("Session not found.");
      expect(statusError(await del(another.id, user.accessToken, stranger.id), 403)).toContain("user_id=me");
      expect((await del(another.id)).json).toEqual({ success: true });
      knownError(await getMe(clientHeaders(other.accessToken)), 401, "ACCESS_TOKEN_EXPIRED");
      const after = await call(sessionsRoute, "GET", SESSIONS, { headers: clientHeaders(user.accessToken) });
      expect(after.json.items.map((item: any) => item.id)).toEqual([current.id]);
      const anonymous = await call(sessionsRoute, "GET", SESSIONS, { headers: clientHeaders() });
      knownError(anonymous, 400, "CANNOT_GET_OWN_USER_WITHOUT_USER");
    });

    it("teams: the caller's own, in Stack's team shape", async () => {
      const user = await app.signUp();
      const team = await teamOf(user.id, "Route Team");
      await teamOf(null, "Not Mine");
      const list = await call(teamsRoute, "GET", "/api/v1/teams?user_id=me", {
        headers: clientHeaders(user.accessToken),
      });
      expect(list.json).toEqual({
        items: [
          {
            id: team.id,
            display_name: "Route Team",
            profile_image_url: null,
            client_metadata: null,
            client_read_only_metadata: null,
            created_at_millis: expect.any(Number),
          },
        ],
        is_paginated: false,
      });
      const other = await call(teamsRoute, "GET", `/api/v1/teams?user_id=${user.id}`, {
        headers: clientHeaders(user.accessToken),
      });
      statusError(other, 403);
    });

    it("MFA: with TOTP on, sign-in is MULTI_FACTOR_AUTHENTICATION_REQUIRED with an attempt code for /auth/mfa/sign-in", async () => {
      const user = await app.signUp({ email: "mfa@example.com", password: "mfa password 1" });
      const secret = new Secret({ size: 20 });
      expect(
        (
          await patchMe(clientHeaders(user.accessToken), {
            totp_secret_base64: Buffer.from(secret.bytes).toString("base64"),
          })
        ).status,
      ).toBe(200);
      const signInBody = { email: "mfa@example.com", password: "mfa password 1" };
      const first = await call(signInRoute, "POST", "/api/v1/auth/password/sign-in", {
        headers: clientHeaders(),
        body: signInBody,
      });
      const attemptCode = knownError(first, 400, "MULTI_FACTOR_AUTHENTICATION_REQUIRED").details.attempt_code;
      expect(attemptCode).toEqual(expect.any(String));
      const mfa = (body: unknown, projectId = "default") =>
        call(mfaRoute, "POST", "/api/v1/auth/mfa/sign-in", { headers: clientHeaders(undefined, projectId), body });
      const code = (offset = 0) =>
        new TOTP({ secret, digits: 6, period: 30 }).generate({ timestamp: Date.now() + offset * 30_000 });
      knownError(await mfa({ type: "totp", totp: code(10), code: attemptCode }), 400, "INVALID_TOTP_CODE");
      knownError(await mfa({ type: "totp", totp: code(), code: "forged" }), 404, "VERIFICATION_CODE_NOT_FOUND");
      knownError(
        await mfa({ type: "totp", totp: code(), code: attemptCode }, "other"),
        404,
        "VERIFICATION_CODE_NOT_FOUND",
      );
      knownError(await mfa({ type: "sms", totp: code(), code: attemptCode }), 400, "SCHEMA_ERROR");
      const ok = await mfa({ type: "totp", totp: code(), code: attemptCode });
      expect(ok.status).toBe(200);
      expect(ok.json).toMatchObject({ user_id: user.id, is_new_user: false, access_token: expect.any(String) });
      expect((await getMe(clientHeaders(ok.json.access_token))).json.id).toBe(user.id);
      // The same code never works twice.
      knownError(await mfa({ type: "totp", totp: code(), code: attemptCode }), 400, "INVALID_TOTP_CODE");
    });

    it("publishable key: checked for client access once the project has one; server access needs none", async () => {
      await app.server().admin.upsertProject({ projectId: "keyed", publishableClientKey: "pck_right" });
      const user = await app.signUp({ projectId: "keyed" });
      const headers = (key: string | null) => {
        const { "x-stack-publishable-client-key": _, ...rest } = clientHeaders(user.accessToken, "keyed");
        return key === null ? rest : { ...rest, "x-stack-publishable-client-key": key };
      };
      const wrong = knownError(await getMe(headers("pck_wrong")), 401, "INVALID_PUBLISHABLE_CLIENT_KEY");
      expect(wrong.details).toEqual({ project_id: "keyed" });
      knownError(await getMe(headers(null)), 401, "PUBLISHABLE_CLIENT_KEY_REQUIRED_FOR_PROJECT");
      expect((await getMe(headers("pck_right"))).status).toBe(200);
      const server = { ...serverHeaders(app, user.accessToken), "x-stack-project-id": "keyed" };
      expect((await getMe(server)).status).toBe(200);
      await app.server().admin.upsertProject({ projectId: "keyed", publishableClientKey: null });
      expect((await getMe(headers("pck_anything"))).status).toBe(200);
    });
  });
}
