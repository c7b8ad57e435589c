import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";

import { failure, paths } from "./helpers/errors";
import { TEST_CONFIG, useTestApp } from "./helpers/test-app";

const app = useTestApp();

const signIn = (email: string, password: string, projectId?: string) =>
  app.anonymous("auth").auth.token({ grant_type: "password", email, password, ...(projectId ? { projectId } : {}) });

describe("password change", () => {
  it("native API: needs the current password, refuses reusing it, revokes the other sessions only", async () => {
    const user = await app.signUp({ password: "old password 1" });
    const laptop = await signIn(user.email, "old password 1");
    const me = await user.as();

    const missing = await failure(me.me.update({ password: "new password 1" }));
    expect(missing.issues).toEqual([
      { path: "currentPassword", message: "Current password is required to set a new password" },
    ]);
    const wrong = await failure(me.me.update({ password: "new password 1", currentPassword: "nope" }));
    expect(paths(wrong.issues)).toEqual(["currentPassword"]);
    const same = await failure(me.me.update({ password: "old password 1", currentPassword: "old password 1" }));
    expect(same.issues).toEqual([
      { path: "password", message: "New password must be different from the current password" },
    ]);
    const short = await failure(me.me.update({ password: "1234567", currentPassword: "old password 1" }));
    expect(short.issues[0]!.message).toBe("Password is too short (minimum is 8 characters)");

    const updated = await me.me.update({ password: "new password 1", currentPassword: "old password 1" });
    expect(updated.hasPassword).toBe(true);
    expect((await me.me.get()).id).toBe(user.id); // this session lives on
    const oldDevice = await app.withToken(laptop.accessToken);
    expect((await failure(oldDevice.me.get())).reason).toBe("session_revoked");
    expect(
      (
        await failure(
          app.anonymous("auth").auth.token({ grant_type: "refresh_token", refresh_token: laptop.refreshToken }),
        )
      ).reason,
    ).toBe("invalid_grant");
    expect((await failure(signIn(user.email, "old password 1"))).reason).toBe("invalid_credentials");
    expect((await signIn(user.email, "new password 1")).user.id).toBe(user.id);
  });

  it("dialect A: 6 characters are enough, no current password, takes effect immediately", async () => {
    const user = await app.signUp();
    const me = await user.as("dialect-a");
    expect((await failure(me.me.update({ password: "12345" }))).issues[0]!.message).toBe(
      "Password is too short (minimum is 6 characters)",
    );
    await me.me.update({ password: "123456" });
    expect((await signIn(user.email, "123456")).user.id).toBe(user.id);
  });

  it("dialect E: minimum 8 characters, reported with the other failing fields", async () => {
    const other = await app.signUp();
    const me = await (await app.signUp()).as("dialect-e");
    const error = await failure(me.me.update({ email: other.email, password: "short" }));
    expect(error.issues).toEqual(
      expect.arrayContaining([
        { path: "email", message: "Email has already been taken" },
        { path: "password", message: "Password is too short (minimum is 8 characters)" },
      ]),
    );
  });

  it("dialect D: revokes every session, the caller's too (even one last active long ago)", async () => {
    const user = await app.signUp();
    await app.database.db.session.updateMany({ data: { lastActiveAt: new Date(Date.now() - 3_600_000) } });
    // Stack's PATCH /users/me takes a password with server access only (door policy `dialect-d`).
    const me = await app.withToken(user.accessToken, "dialect-d", TEST_CONFIG.serverApiKey);
    await me.me.update({ password: "brand new password" });
    expect((await failure(me.me.get())).reason).toBe("session_revoked");
    expect((await signIn(user.email, "brand new password")).user.id).toBe(user.id);
  });

  it("stores argon2id hashes, never the password", async () => {
    const user = await app.signUp({ password: "secret password 9" });
    const row = await app.database.db.user.findUniqueOrThrow({
      where: { id: user.id },
      select: { passwordHash: true },
    });
    expect(row.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row.passwordHash).not.toContain("secret password 9");
  });
});

describe("password hash import (server access)", () => {
  it("accepts a bcrypt hash, signs in with it, upgrades it to argon2id, and revokes sessions", async () => {
    const user = await app.signUp();
    const hash = await bcrypt.hash("imported password", 10);
    await app.server("dialect-d").users.update({ userId: user.id, changes: { passwordHash: hash } });
    expect((await failure((await user.as()).me.get())).reason).toBe("session_revoked");
    expect((await signIn(user.email, "imported password")).user.id).toBe(user.id);
    const row = await app.database.db.user.findUniqueOrThrow({
      where: { id: user.id },
      select: { passwordHash: true },
    });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect((await signIn(user.email, "imported password")).user.id).toBe(user.id);
  });

  it("accepts a $2y$ bcrypt hash (PHP)", async () => {
    const user = await app.signUp();
    const hash = (await bcrypt.hash("php password", 8)).replace(/^\$2[ab]\$/, "$2y$");
    await app.server().users.update({ userId: user.id, changes: { passwordHash: hash } });
    expect((await signIn(user.email, "php password")).user.id).toBe(user.id);
  });

  it("refuses hashes outside the allow-list or cost limits, and users cannot import at all", async () => {
    const user = await app.signUp();
    const tooCostly = "$2a$15$VIhIOofSMqGdGlL4wzE//e.77dAQGqNtF/1dT7bqCrVtQuInWy2qi";
    const error = await failure(app.server().users.update({ userId: user.id, changes: { passwordHash: tooCostly } }));
    expect(error.issues[0]).toEqual({ path: "passwordHash", message: "bcrypt cost must be between 4 and 14" });
    const md5 = await failure(app.server().users.update({ userId: user.id, changes: { passwordHash: "$1$abc$def" } }));
    expect(paths(md5.issues)).toEqual(["passwordHash"]);
    const byUser = await failure(
      (await user.as()).me.update({ passwordHash: "$2a$10$VIhIOofSMqGdGlL4wzE//e.77dAQGqNtF/1dT7bqCrVtQuInWy2qi" }),
    );
    expect(byUser.issues[0]).toEqual({ path: "passwordHash", message: "Only server access can change this field" });
  });
});
