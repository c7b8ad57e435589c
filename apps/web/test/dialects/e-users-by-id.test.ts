import { linkToken, useSmtpServer } from "@profilehub/api/testing";
import { describe, expect, it } from "vitest";

import * as route from "@/app/users/[id]/route";

import { CREATED_AT, DOCUMENTED, invalid, NOT_FOUND, path, UNAUTHORIZED, usersById } from "./e-users-by-id/helpers";
import { bearer, call, useDialectApp } from "./helpers/dialect-app";

const app = useDialectApp();
const smtp = useSmtpServer(app);

const { put, get, stored, signIn } = usersById(app);

describe("dialect E — PUT /users/{id} (seed 004)", () => {
  it("200 User updated successfully: the documented request and response", async () => {
    const user = await app.signUp({ email: "john@example.com" });
    expect(user.number).toBe(1);
    const response = await put(user.accessToken, 1, { user: DOCUMENTED });
    expect(response.status).toBe(200);
    const createdAt = response.json.data.created_at as string;
    expect(createdAt).toMatch(CREATED_AT);
    expect(response.text).toBe(
      JSON.stringify({
        status: "success",
        message: "User updated successfully",
        data: {
          id: 1,
          email: "john@example.com",
          first_name: "John",
          last_name: "Doe",
          roles: [],
          feature_flags: ["affiliate"],
          notifications: ["email_new_transaction", "push_new_transaction"],
          status: "active",
          locale: "en",
          created_at: createdAt,
        },
      }),
    );
    const row = await stored(user.id);
    expect(row).toMatchObject({
      expoPushToken: "ExponentPushToken[xxxxxxxxxxxxxxxxxxxxxx]",
      firstName: "John",
      lastName: "Doe",
    });
    expect(createdAt).toBe(row.createdAt.toISOString().replace(/\.\d{3}Z$/, "Z"));
    await expect(signIn("john@example.com", "newsecurepassword123")).resolves.toMatchObject({ user: { id: user.id } });
  });

  it("422 Validation error: the documented example (email taken, password too short), email first", async () => {
    await app.signUp({ email: "taken@example.com" });
    const user = await app.signUp();
    for (const body of [
      { email: "taken@example.com", password: "short" },
      { password: "short", email: "Taken@Example.com" },
    ]) {
      const response = await put(user.accessToken, user.number, { user: body });
      expect(response.status).toBe(422);
      expect(response.text).toBe(
        JSON.stringify(
          invalid([
            { path: "email", message: "Email has already been taken" },
            { path: "password", message: "Password is too short (minimum is 8 characters)" },
          ]),
        ),
      );
    }
    const alone = await put(user.accessToken, user.number, { user: { email: "taken@example.com" } });
    expect(alone.status).toBe(422);
    expect(alone.json).toEqual(invalid([{ path: "email", message: "Email has already been taken" }]));
    expect((await stored(user.id)).email).toBe(user.email);
  });

  it("422 lists every failing field, in E's names, in the documented order; nothing is written", async () => {
    const user = await app.signUp();
    const response = await put(user.accessToken, user.number, {
      user: {
        expo_push_token: "not-a-token",
        locale: "de",
        notifications: "email",
        feature_flags: ["ok", "bad flag!"],
        password: "1234567",
        email: "not-an-email",
        last_name: "x".repeat(101),
        first_name: "  ",
      },
    });
    expect(response.status).toBe(422);
    expect(response.json).toEqual(
      invalid([
        { path: "first_name", message: "First name can't be blank" },
        { path: "last_name", message: "Last name is too long (maximum is 100 characters)" },
        { path: "email", message: "Email is invalid" },
        { path: "password", message: "Password is too short (minimum is 8 characters)" },
        {
          path: "feature_flags.1",
          message: "Feature flags entries must be 1-64 characters of letters, digits, _ . : -",
        },
        { path: "notifications", message: "Notifications must be an array of strings" },
        { path: "locale", message: "Locale must be one of: en, fr" },
        {
          path: "expo_push_token",
          message: "Expo push token must be in format ExponentPushToken[...] or ExpoPushToken[...]",
        },
      ]),
    );
    expect(await stored(user.id)).toMatchObject({ firstName: null, locale: "en", featureFlags: [] });
  });

  it("locale en|fr, both Expo token formats, null clears", async () => {
    const user = await app.signUp();
    const french = await put(user.accessToken, user.number, {
      user: { locale: "fr", expo_push_token: "ExpoPushToken[abc-123]", first_name: "Zoë" },
    });
    expect(french.status).toBe(200);
    expect(french.json.data).toMatchObject({ locale: "fr", first_name: "Zoë" });
    expect((await stored(user.id)).expoPushToken).toBe("ExpoPushToken[abc-123]");
    const cleared = await put(user.accessToken, user.number, { user: { expo_push_token: null, first_name: null } });
    expect(cleared.json.data.first_name).toBeNull();
    expect(await stored(user.id)).toMatchObject({ expoPushToken: null, firstName: null, locale: "fr" });
    const bad = await put(user.accessToken, user.number, { user: { expo_push_token: "ExponentPushToken[]" } });
    expect(bad.status).toBe(422);
  });

  it("email change: marked unverified, verification mail to the new address (and a notice to the old)", async () => {
    const user = await app.signUp({ email: "old@example.com" });
    await app.server().users.update({ userId: user.id, changes: { emailVerified: true } });
    const response = await put(user.accessToken, user.number, { user: { email: "New@Example.com" } });
    expect(response.status).toBe(200);
    expect(response.json.data.email).toBe("new@example.com");
    expect(await stored(user.id)).toMatchObject({ email: "new@example.com", emailVerifiedAt: null });
    const mail = await smtp.waitForMail((received) => received.to.includes("new@example.com"));
    expect(mail.subject).toBe("Verify your email address");
    await smtp.waitForMail(
      (received) => received.to.includes("old@example.com") && /being changed/.test(received.subject),
    );
    await app.anonymous("auth").auth.verifyEmail({ token: linkToken(mail) });
    expect((await stored(user.id)).emailVerifiedAt).not.toBeNull();
  });

  it("password change: immediate, other sessions signed out, the same password refused", async () => {
    const user = await app.signUp({ password: "first-password" });
    const other = await signIn(user.email, "first-password");
    const same = await put(user.accessToken, user.number, { user: { password: "first-password" } });
    expect(same.status).toBe(422);
    expect(same.json).toEqual(
      invalid([{ path: "password", message: "New password must be different from the current password" }]),
    );
    const changed = await put(user.accessToken, user.number, { user: { password: "second-password" } });
    expect(changed.status).toBe(200);
    await expect(signIn(user.email, "second-password")).resolves.toBeDefined();
    await expect(signIn(user.email, "first-password")).rejects.toThrow();
    expect((await get(other.accessToken, user.number)).status).toBe(401);
    expect((await get(user.accessToken, user.number)).status).toBe(200);
  });

  it("401 for another user's id — whatever the body, and without revealing anything about them", async () => {
    const victim = await app.signUp({ password: "victim-password" });
    const user = await app.signUp();
    const before = await stored(victim.id);
    for (const body of [
      { user: { first_name: "Mallory" } },
      { user: { password: "victim-password" } },
      { user: { email: user.email, password: "x" } },
      { user: { nickname: "x" } },
      {},
    ]) {
      const response = await put(user.accessToken, victim.number, body);
      expect(response.status).toBe(401);
      expect(response.json).toEqual(UNAUTHORIZED);
    }
    const read = await get(user.accessToken, victim.number);
    expect(read.status).toBe(401);
    expect(read.json).toEqual(UNAUTHORIZED);
    expect(await stored(victim.id)).toEqual(before);
  });

  it("401 for a missing, invalid or revoked token (before 404 and 422)", async () => {
    const user = await app.signUp();
    await (await user.as()).auth.signOut();
    const headers: Record<string, string>[] = [{}, bearer("eyJhbGciOiJIUzI1NiIs.e30.x"), bearer(user.accessToken)];
    for (const header of headers) {
      for (const [id, body] of [
        [user.number, { user: { first_name: "John" } }],
        [user.number, { user: { password: "short" } }],
        [user.number, {}],
        [999, { user: { first_name: "John" } }],
        ["abc", { user: { first_name: "John" } }],
      ] as const) {
        const response = await call(route, "PUT", path(id), { headers: header, params: { id: String(id) }, body });
        expect(response.status).toBe(401);
        expect(response.json).toEqual(UNAUTHORIZED);
      }
      const read = await call(route, "GET", path(user.number), {
        headers: header,
        params: { id: String(user.number) },
      });
      expect(read.json).toEqual(UNAUTHORIZED);
    }
    expect((await stored(user.id)).firstName).toBeNull();
  });

  it("404 User not found: unknown or non-integer ids, users of another project", async () => {
    const stranger = await app.signUp({ projectId: "other" });
    const user = await app.signUp();
    for (const id of ["999999", "abc", "1.5", "0", "-1", "1e3", "99999999999", "", String(stranger.number)]) {
      for (const response of [
        await put(user.accessToken, id, { user: { first_name: "John" } }),
        await put(user.accessToken, id, { user: { password: "x" } }),
        await get(user.accessToken, id),
      ]) {
        expect(response.status, id).toBe(404);
        expect(response.json).toEqual(NOT_FOUND);
      }
    }
    expect((await stored(stranger.id)).firstName).toBeNull();
  });

  it("what E returns may be sent back: id, roles, status, created_at are ignored, never written", async () => {
    const user = await app.signUp();
    const read = await get(user.accessToken, user.number);
    const before = await stored(user.id);
    const echoed = {
      ...read.json.data,
      id: 12345,
      roles: ["admin"],
      status: "banned",
      created_at: "2000-01-01T00:00:00Z",
      first_name: "Jane",
    };
    const response = await put(user.accessToken, user.number, { user: echoed });
    expect(response.status).toBe(200);
    expect(response.json.data).toEqual({ ...read.json.data, first_name: "Jane" });
    expect(await stored(user.id)).toMatchObject({
      roles: before.roles,
      status: "active",
      createdAt: before.createdAt,
      number: user.number,
    });
  });

  it("422 for unknown keys inside user, listed with every other failing field", async () => {
    const user = await app.signUp();
    const response = await put(user.accessToken, user.number, {
      user: { nickname: "JD", firstName: "John", locale: "de", first_name: "John" },
    });
    expect(response.status).toBe(422);
    expect(response.json).toEqual(
      invalid([
        { path: "locale", message: "Locale must be one of: en, fr" },
        { path: "nickname", message: "Nickname is not a permitted parameter" },
        { path: "firstName", message: "FirstName is not a permitted parameter" },
      ]),
    );
    expect((await stored(user.id)).firstName).toBeNull();
  });

  it("422 when user is missing, empty or not an object; keys beside user are ignored", async () => {
    const user = await app.signUp();
    const missing = invalid([{ path: "user", message: "param is missing or the value is empty: user" }]);
    for (const body of [
      {},
      { user: {} },
      { user: null },
      { user: "John" },
      { user: ["x"] },
      { first_name: "John" },
      [],
    ]) {
      const response = await put(user.accessToken, user.number, body);
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect(response.json).toEqual(missing);
    }
    const noBody = await call(route, "PUT", path(user.number), {
      headers: bearer(user.accessToken),
      params: { id: String(user.number) },
    });
    expect(noBody.json).toEqual(missing);
    const beside = await put(user.accessToken, user.number, {
      id: user.number,
      format: "json",
      user: { last_name: "Doe" },
    });
    expect(beside.status).toBe(200);
    expect(beside.json.data.last_name).toBe("Doe");
  });
});
