import { describe, expect, it } from "vitest";

import { useTestApp } from "./helpers/test-app";

const app = useTestApp();

describe("me.update: partial updates", () => {
  it("changes only the fields sent and returns what was stored", async () => {
    const user = await app.signUp();
    const me = await user.as();
    await me.me.update({ displayName: "Ada", bio: "Mathematician", locale: "fr" });
    const updated = await me.me.update({ firstName: "Ada" });
    expect(updated).toMatchObject({ displayName: "Ada", bio: "Mathematician", locale: "fr", firstName: "Ada" });
    expect(await me.me.get()).toEqual(updated);
  });

  it("clears a nullable field with null and leaves absent fields unchanged", async () => {
    const me = await (await app.signUp()).as();
    await me.me.update({ displayName: "Ada", bio: "x", location: { longitude: 2.35, latitude: 48.85 } });
    const cleared = await me.me.update({ bio: null, location: null });
    expect(cleared.bio).toBeNull();
    expect(cleared.location).toBeNull();
    expect(cleared.displayName).toBe("Ada");
  });

  it("normalizes before storing: trimmed names, sanitized lowercase username, date-only birthdate", async () => {
    const me = await (await app.signUp()).as();
    const stored = await me.me.update({
      displayName: "  Ada Lovelace  ",
      username: "  Jane.Doe_99 ",
      birthdate: "1990-01-01T15:30:00.000Z",
      featureFlags: ["beta", "beta", "affiliate"],
    });
    expect(stored).toMatchObject({
      displayName: "Ada Lovelace",
      username: "jane.doe_99",
      birthdate: "1990-01-01",
      featureFlags: ["beta", "affiliate"],
    });
    expect((await me.me.update({ username: "Bad Name!" })).username).toBe("badname");
  });

  it("stores a location as longitude/latitude", async () => {
    const me = await (await app.signUp()).as();
    const stored = await me.me.update({ location: { longitude: 34.05, latitude: -118.25 / 2 } });
    expect(stored.location).toEqual({ longitude: 34.05, latitude: -59.125 });
  });

  it("an empty update changes nothing and writes no audit row", async () => {
    const user = await app.signUp();
    const me = await user.as();
    const before = await me.me.get();
    const after = await me.me.update({});
    expect({ ...after, updatedAt: before.updatedAt, lastActiveAt: before.lastActiveAt }).toEqual(before);
    const audits = await app.database.db.auditEvent.count({ where: { userId: user.id, action: "user.update" } });
    expect(audits).toBe(0);
  });
});
