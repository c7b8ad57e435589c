import { describe, expect, it } from "vitest";

import { get, patch, pngDataUrl } from "./b-project-users/helpers";
import { bearer, useDialectApp } from "./helpers/dialect-app";

const app = useDialectApp();
type AccessClaims = Parameters<typeof app.services.tokens.sign>[0];

const P = "proj1234";
const RESPONSE_KEYS = ["id", "username", "name", "avatar", "bio", "birthdate", "location", "metadata", "suspensions"];
const NOT_FOUND = { error: "User not found", code: "user/not-found" };
const MISSING = { error: "Missing required data", code: "user/missing-data" };
const invalid = (error: string) => ({ error, code: "user/invalid-data" });
const serverKey = () => ({ "x-api-key": app.services.config.serverApiKey });
const stored = (id: string) => app.database.db.user.findUniqueOrThrow({ where: { id } });
const signUp = (projectId = P) => app.signUp({ projectId });

describe("dialect B — PATCH /:projectId/users/:userId (seed 001)", () => {
  it("Example Request (with a valid latitude) gives the documented Success Response", async () => {
    const user = await signUp();
    const profile = { name: "John Doe", avatar: "https://example.com/avatar.jpg", bio: "New bio text" };
    await patch(user.accessToken, P, user.id, { update: { ...profile, birthdate: "1990-01-01" } });
    const response = await patch(user.accessToken, P, user.id, {
      update: {
        username: "new_username",
        location: { longitude: -118.25, latitude: 34.05 },
        metadata: { theme: "dark" },
      },
    });
    expect(response.status).toBe(200);
    expect(Object.keys(response.json)).toEqual(RESPONSE_KEYS);
    expect(response.json).toEqual({
      id: user.id,
      username: "new_username",
      ...profile,
      birthdate: "1990-01-01T00:00:00.000Z",
      location: { type: "Point", coordinates: [-118.25, 34.05] },
      metadata: { theme: "dark" },
      suspensions: [],
    });
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("the Example Request as printed (latitude -118.25) is out of range: 400, nothing written", async () => {
    const user = await signUp();
    const response = await patch(user.accessToken, P, user.id, {
      update: {
        username: "new_username",
        location: { longitude: 34.05, latitude: -118.25 },
        metadata: { theme: "dark" },
      },
    });
    expect(response.status).toBe(400);
    expect(response.json).toEqual(invalid("location.latitude: Latitude must be between -90 and 90"));
    expect(await stored(user.id)).toMatchObject({ username: null, locationLatitude: null, userMetadata: {} });
  });

  it("Missing or Invalid Data: a missing, empty or non-object update is 400 user/missing-data", async () => {
    const user = await signUp();
    for (const body of [
      undefined,
      {},
      { update: {} },
      { update: null },
      { update: "x" },
      { update: [1] },
      [1],
      { name: "x" },
    ]) {
      const response = await patch(user.accessToken, P, user.id, body);
      expect([response.status, response.json]).toEqual([400, MISSING]);
    }
  });

  it("unknown keys in update are 400 user/invalid-data listing them, and nothing is written", async () => {
    const user = await signUp();
    const response = await patch(user.accessToken, P, user.id, {
      update: { name: "Jo", email: "a@b.co", displayName: "x" },
    });
    expect([response.status, response.json]).toEqual([400, invalid("Unknown fields in update: email, displayName")]);
    expect((await stored(user.id)).displayName).toBeNull();
  });

  it("every invalid field is reported at once, in B's names", async () => {
    const user = await signUp();
    const update = {
      name: "",
      avatar: "http://example.com/a.png",
      bio: "x".repeat(1001),
      birthdate: "01/02/1990",
      location: "LA",
    };
    const response = await patch(user.accessToken, P, user.id, { update });
    expect(response.status).toBe(400);
    expect(response.json.code).toBe("user/invalid-data");
    expect(
      response.json.error
        .split("; ")
        .map((part: string) => part.split(":")[0])
        .sort(),
    ).toEqual(["avatar", "bio", "birthdate", "location", "name"]);
    expect(response.json.error).toContain("avatar: Image must be an https URL or a base64 data URL");
  });

  it("User Not Found: unknown id, malformed id, or a user of another project (GET too)", async () => {
    const user = await signUp();
    const other = await signUp("other-project");
    const cases = [
      [user.accessToken, P, "5b0e7a4e-0d6c-4a53-9d1e-0b7f6f1f2c3d"],
      [user.accessToken, P, "67890"],
      [user.accessToken, "other-project", user.id],
      [user.accessToken, "bad project!", user.id],
      [serverKey(), P, other.id],
    ] as const;
    for (const [auth, projectId, userId] of cases) {
      expect(await patch(auth, projectId, userId, { update: { bio: "x" } })).toMatchObject({
        status: 404,
        json: NOT_FOUND,
      });
      expect(await get(auth, projectId, userId)).toMatchObject({ status: 404, json: NOT_FOUND });
    }
    expect((await stored(other.id)).bio).toBeNull();
  });

  it("only the user themself may update: another user is 403 user/not-authorized", async () => {
    const [user, other] = [await signUp(), await signUp()];
    const response = await patch(user.accessToken, P, other.id, { update: { name: "Mallory" } });
    expect(response.status).toBe(403);
    expect(response.json).toEqual({ error: "You can only update your own account", code: "user/not-authorized" });
    expect((await get(user.accessToken, P, other.id)).status).toBe(403);
    expect((await stored(other.id)).displayName).toBeNull();
  });

  it("server access (x-api-key) may update any user of the project; a wrong key is 401", async () => {
    const user = await signUp();
    const response = await patch(serverKey(), P, user.id, {
      update: { name: "By Server", secureMetadata: { tier: "gold" } },
    });
    expect(response.status).toBe(200);
    expect(response.json.name).toBe("By Server");
    expect(response.text).not.toContain("gold");
    expect((await stored(user.id)).secureMetadata).toEqual({ tier: "gold" });
    const wrong = await patch({ "x-api-key": "nope", ...bearer(user.accessToken) }, P, user.id, {
      update: { bio: "x" },
    });
    expect([wrong.status, wrong.json]).toEqual([401, { error: "Invalid API key", code: "auth/unauthorized" }]);
  });

  it("401 auth/unauthorized for a missing, invalid, expired or revoked token (before any body check)", async () => {
    const user = await signUp();
    const claims = JSON.parse(Buffer.from(user.accessToken.split(".")[1]!, "base64url").toString()) as AccessClaims;
    const expired = await app.services.tokens.sign(claims, Date.now() - 3_600_000);
    await (await user.as()).auth.signOut();
    const cases = [
      [null, { update: {} }, "Authentication required"],
      ["not.a.token", { update: { bio: "x" } }, "Access token is invalid"],
      [expired, { update: {} }, "Access token has expired"],
      [user.accessToken, { update: { bio: "x" } }, "Session has been revoked or has expired"],
    ] as const;
    for (const [auth, body, error] of cases) {
      const response = await patch(auth, P, user.id, body);
      expect([response.status, response.json]).toEqual([401, { error, code: "auth/unauthorized" }]);
    }
    expect((await get(user.accessToken, P, user.id)).status).toBe(401);
  });

  it("username: sanitized, lowercased, stored sanitized; unique per project (409, never 500)", async () => {
    const [user, other, elsewhere] = [await signUp(), await signUp(), await signUp("other-project")];
    const response = await patch(user.accessToken, P, user.id, { update: { username: "  John.DOE_99!! " } });
    expect(response.json.username).toBe("john.doe_99");
    expect((await stored(user.id)).username).toBe("john.doe_99");
    const taken = await patch(other.accessToken, P, other.id, { update: { username: "JOHN.doe_99" } });
    expect([taken.status, taken.json]).toEqual([
      409,
      { error: "Username has already been taken", code: "user/username-taken" },
    ]);
    const free = await patch(elsewhere.accessToken, "other-project", elsewhere.id, {
      update: { username: "john.doe_99" },
    });
    expect(free.json.username).toBe("john.doe_99");
  });

  it("birthdate, location, avatar data URL, metadata (replaced) and null clearing", async () => {
    const user = await signUp();
    const first = await patch(user.accessToken, P, user.id, {
      update: {
        birthdate: "1990-01-01T15:30:00Z",
        location: { longitude: 2.35, latitude: 48.85 },
        avatar: pngDataUrl(),
        metadata: { a: 1, b: 2 },
      },
    });
    expect(first.json).toMatchObject({
      birthdate: "1990-01-01T00:00:00.000Z",
      avatar: pngDataUrl(),
      metadata: { a: 1, b: 2 },
    });
    expect(first.json.location).toEqual({ type: "Point", coordinates: [2.35, 48.85] });
    const second = await patch(user.accessToken, P, user.id, {
      update: { metadata: { c: 3 }, location: null, birthdate: null, name: "Jo", avatar: null },
    });
    expect(second.json).toMatchObject({
      metadata: { c: 3 },
      location: null,
      birthdate: null,
      name: "Jo",
      avatar: null,
    });
    expect((await patch(user.accessToken, P, user.id, { update: { name: null } })).json.name).toBeNull();
  });

  it("secureMetadata is accepted from the user, stored, and never returned (PATCH and GET, even to the server)", async () => {
    const user = await signUp();
    const response = await patch(user.accessToken, P, user.id, {
      update: { secureMetadata: { token: "s3cr3t-value" } },
    });
    expect(response.status).toBe(200);
    expect((await stored(user.id)).secureMetadata).toEqual({ token: "s3cr3t-value" });
    expect((await stored(user.id)).serverMetadata).toEqual({});
    for (const read of [response, await get(user.accessToken, P, user.id), await get(serverKey(), P, user.id)]) {
      expect(Object.keys(read.json)).toEqual(RESPONSE_KEYS);
      expect(read.text).not.toContain("s3cr3t-value");
    }
  });

  it("active suspensions are in the response; ended ones are not", async () => {
    const user = await signUp();
    const admin = app.server();
    const ended = await admin.admin.createSuspension({
      userId: user.id,
      reason: "old",
      endsAt: new Date(Date.now() - 60_000).toISOString(),
    });
    const endsAt = new Date(Date.now() + 86_400_000).toISOString();
    const active = await admin.admin.createSuspension({ userId: user.id, reason: "Spam", endsAt });
    const response = await patch(user.accessToken, P, user.id, { update: { bio: "hi" } });
    expect(response.json.suspensions).toEqual([
      { id: active.id, userId: user.id, reason: "Spam", startDate: active.startsAt, endDate: endsAt },
    ]);
    expect(JSON.stringify(response.json)).not.toContain(ended.id);
  });
});
