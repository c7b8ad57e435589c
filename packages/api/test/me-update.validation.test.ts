import { describe, expect, it } from "vitest";

import { failure, paths } from "./helpers/errors";
import { useTestApp } from "./helpers/test-app";

const app = useTestApp();

const PNG = `data:image/png;base64,${Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]).toString("base64")}`;

/** One invalid value per rule, and the path its issue must name. */
const INVALID: [string, Record<string, unknown>][] = [
  ["displayName", { displayName: "   " }],
  ["displayName", { displayName: "x".repeat(101) }],
  ["firstName", { firstName: 42 }],
  ["lastName", { lastName: "" }],
  ["username", { username: "!!" }],
  ["username", { username: "x".repeat(31) }],
  ["avatarUrl", { avatarUrl: "http://insecure.example.com/a.png" }],
  ["avatarUrl", { avatarUrl: "data:image/png;base64,PGh0bWw+" }],
  ["bio", { bio: "x".repeat(1001) }],
  ["birthdate", { birthdate: "1990-02-30" }],
  ["birthdate", { birthdate: "2999-01-01" }],
  ["birthdate", { birthdate: "yesterday" }],
  ["location.longitude", { location: { longitude: 181, latitude: 0 } }],
  ["location.latitude", { location: { longitude: 0, latitude: -91 } }],
  ["location.altitude", { location: { longitude: 0, latitude: 0, altitude: 3 } }],
  ["locale", { locale: "de" }],
  ["featureFlags", { featureFlags: "beta" }],
  ["featureFlags.0", { featureFlags: ["has space"] }],
  ["notifications", { notifications: Array.from({ length: 51 }, (_, i) => `n${i}`) }],
  ["expoPushToken", { expoPushToken: "abc" }],
  ["selectedTeamId", { selectedTeamId: "not-a-uuid" }],
  ["userMetadata", { userMetadata: [1, 2] }],
  ["userMetadata", { userMetadata: { big: "x".repeat(70_000) } }],
  ["userMetadataPatch", { userMetadataPatch: "x" }],
  ["email", { email: "not-an-email" }],
  ["password", { password: "short", currentPassword: "whatever" }],
  ["password", { password: "x".repeat(129), currentPassword: "whatever" }],
  ["totpSecretBase64", { totpSecretBase64: "short" }],
];

describe("me.update validation", () => {
  it.each(INVALID)("rejects an invalid %s", async (path, input) => {
    const me = await (await app.signUp()).as();
    const error = await failure(me.me.update(input));
    expect(error).toMatchObject({ code: "BAD_REQUEST", reason: "validation" });
    expect(paths(error.issues)).toEqual([path]);
    expect(error.issues[0]!.message.length).toBeGreaterThan(5);
  });

  it("accepts a valid value of every field", async () => {
    const me = await (await app.signUp()).as();
    const stored = await me.me.update({
      displayName: "Ada",
      firstName: "Ada",
      lastName: "Lovelace",
      username: "ada",
      avatarUrl: PNG,
      bio: "Analyst",
      birthdate: "1815-12-10".replace("1815", "1915"),
      location: { longitude: -0.12, latitude: 51.5 },
      locale: "fr",
      featureFlags: ["affiliate"],
      notifications: ["email_new_transaction"],
      expoPushToken: "ExponentPushToken[xxxxxxxxxxxxxxxxxxxxxx]",
      userMetadata: { theme: "dark", nested: { a: [1, 2] } },
    });
    expect(stored).toMatchObject({
      avatarUrl: PNG,
      birthdate: "1915-12-10",
      expoPushToken: "ExponentPushToken[xxxxxxxxxxxxxxxxxxxxxx]",
    });
    expect((await me.me.update({ expoPushToken: "ExpoPushToken[abc]" })).expoPushToken).toBe("ExpoPushToken[abc]");
  });

  it("reports every problem at once, unknown and protected keys included", async () => {
    const me = await (await app.signUp()).as();
    const error = await failure(
      me.me.update({
        displayName: 7,
        locale: "xx",
        bogus: true,
        another: 1,
        id: "00000000-0000-0000-0000-000000000000",
        createdAt: "2020-01-01",
        appMetadata: { plan: "pro" },
        serverMetadata: {},
        emailVerified: true,
      } as never),
    );
    expect(paths(error.issues)).toEqual(
      [
        "another",
        "appMetadata",
        "bogus",
        "createdAt",
        "displayName",
        "emailVerified",
        "id",
        "locale",
        "serverMetadata",
      ].sort(),
    );
    const byPath = Object.fromEntries(error.issues.map((issue) => [issue.path, issue.message]));
    expect(byPath.bogus).toBe("Unknown field");
    expect(byPath.id).toBe("This field is read-only");
    expect(byPath.appMetadata).toBe("Only server access can change this field");
  });

  it("refuses a non-object update", async () => {
    const me = await (await app.signUp()).as();
    for (const input of [null, [], "x", 3]) {
      const error = await failure(me.me.update(input as never));
      expect(error.reason).toBe("validation");
    }
  });

  it("refuses contradictory fields", async () => {
    const me = await (await app.signUp()).as();
    const both = await failure(me.me.update({ userMetadata: {}, userMetadataPatch: {} }));
    expect(paths(both.issues)).toEqual(["userMetadataPatch"]);
    const server = app.server();
    const user = await app.signUp();
    const hashAndPassword = await failure(
      server.users.update({
        userId: user.id,
        changes: {
          password: "long enough pw",
          passwordHash: "$2a$10$VIhIOofSMqGdGlL4wzE//e.77dAQGqNtF/1dT7bqCrVtQuInWy2qi",
        },
      }),
    );
    expect(paths(hashAndPassword.issues)).toEqual(["passwordHash"]);
  });

  it("adds a taken email or username to other problems", async () => {
    const other = await app.signUp();
    const me = await (await app.signUp()).as();
    await app.server().users.update({ userId: other.id, changes: { username: "taken" } });
    const error = await failure(me.me.update({ email: other.email, username: "Taken", bio: 5 } as never));
    expect(error.issues).toEqual(
      expect.arrayContaining([
        { path: "email", message: "Email has already been taken" },
        { path: "username", message: "Username has already been taken" },
        expect.objectContaining({ path: "bio" }),
      ]),
    );
  });

  it("writes nothing when validation fails", async () => {
    const user = await app.signUp();
    const me = await user.as();
    const before = await me.me.get();
    await failure(me.me.update({ displayName: "Changed", locale: "xx" } as never));
    expect(await me.me.get()).toEqual(before);
    expect(await app.database.db.auditEvent.count({ where: { action: "user.update" } })).toBe(0);
  });
});

describe("validateUpdate: the same checks without writing", () => {
  it("reports every issue, a taken username included, and writes nothing", async () => {
    const other = await app.signUp();
    await app.server().users.update({ userId: other.id, changes: { username: "taken" } });
    const user = await app.signUp();
    const me = await user.as();
    expect(await me.me.validateUpdate({ username: "Free_Name", displayName: "Ada" })).toEqual({ valid: true });
    expect((await me.me.get()).username).toBeNull();
    const error = await failure(me.me.validateUpdate({ username: "TAKEN", locale: "xx" } as never));
    expect(paths(error.issues)).toEqual(["locale", "username"]);
    const alone = await failure(me.users.validateUpdate({ userId: user.id, changes: { email: other.email } }));
    expect(alone.issues).toEqual([{ path: "email", message: "Email has already been taken" }]);
    expect(await app.database.db.auditEvent.count({ where: { userId: user.id, action: "user.update" } })).toBe(0);
  });

  it("refuses someone else's account before checking anything", async () => {
    const alice = await app.signUp();
    const bob = await (await app.signUp()).as();
    expect((await failure(bob.users.validateUpdate({ userId: alice.id, changes: { username: "x" } }))).reason).toBe(
      "forbidden",
    );
  });
});
