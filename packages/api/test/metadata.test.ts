import { describe, expect, it } from "vitest";

import { useTestApp } from "./helpers/test-app";

const app = useTestApp();

describe("user metadata", () => {
  it("merge: sets top-level keys, removes keys sent as null, keeps the rest", async () => {
    const me = await (await app.signUp()).as("dialect-a");
    await me.me.update({ userMetadataPatch: { name: "John Doe", company: "Acme Corp", tier: 1 } });
    const merged = await me.me.update({ userMetadataPatch: { company: null, theme: { mode: "dark" } } });
    expect(merged.userMetadata).toEqual({ name: "John Doe", tier: 1, theme: { mode: "dark" } });
  });

  it("merge is top level: a nested object is replaced, not merged", async () => {
    const me = await (await app.signUp()).as();
    await me.me.update({ userMetadataPatch: { prefs: { a: 1, b: 2 } } });
    const merged = await me.me.update({ userMetadataPatch: { prefs: { c: 3 } } });
    expect(merged.userMetadata).toEqual({ prefs: { c: 3 } });
  });

  it("replace: the object sent becomes the whole metadata", async () => {
    const me = await (await app.signUp()).as("dialect-d");
    await me.me.update({ userMetadata: { a: 1, b: 2 } });
    expect((await me.me.update({ userMetadata: { c: 3 } })).userMetadata).toEqual({ c: 3 });
    expect((await me.me.update({ userMetadata: {} })).userMetadata).toEqual({});
  });
});

describe("concurrency", () => {
  it(`keeps all 50 keys of 50 concurrent merges (${process.env.TEST_DB_KIND ?? "pglite"})`, async () => {
    const user = await app.signUp();
    const callers = await Promise.all(Array.from({ length: 50 }, () => user.as("dialect-a")));
    await Promise.all(callers.map((me, index) => me.me.update({ userMetadataPatch: { [`key${index}`]: index } })));
    const { userMetadata } = await callers[0]!.me.get();
    expect(Object.keys(userMetadata)).toHaveLength(50);
    for (let index = 0; index < 50; index += 1) expect(userMetadata[`key${index}`]).toBe(index);
    expect(await app.database.db.auditEvent.count({ where: { userId: user.id, action: "user.update" } })).toBe(50);
  });

  it("two concurrent changes to the same email: one wins, the other is a clean conflict, nothing half-written", async () => {
    const alice = await app.signUp();
    const bob = await app.signUp();
    const [asAlice, asBob] = await Promise.all([alice.as("dialect-e"), bob.as("dialect-e")]);
    const results = await Promise.allSettled([
      asAlice.me.update({ email: "wanted@example.com", bio: "alice" }),
      asBob.me.update({ email: "wanted@example.com", bio: "bob" }),
    ]);
    const won = results.filter((result) => result.status === "fulfilled");
    const lost = results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toMatchObject({
      code: "CONFLICT",
      cause: { issues: [{ path: "email", message: "Email has already been taken" }] },
    });

    const winner = (won[0] as PromiseFulfilledResult<{ id: string }>).value.id;
    const loser = winner === alice.id ? bob : alice;
    const loserRow = await app.database.db.user.findUniqueOrThrow({ where: { id: loser.id } });
    expect(loserRow.email).toBe(loser.email);
    expect(loserRow.bio).toBeNull();
    expect(await app.database.db.auditEvent.count({ where: { userId: loser.id, action: "user.update" } })).toBe(0);
    expect(await app.database.db.outboxMail.count({ where: { userId: loser.id, kind: { not: "email_verify" } } })).toBe(
      0,
    );
    expect(await app.database.db.emailToken.count({ where: { userId: loser.id, email: "wanted@example.com" } })).toBe(
      0,
    );
  });

  it("concurrent username claims: one wins, the other gets a conflict on username", async () => {
    const [alice, bob] = await Promise.all([app.signUp(), app.signUp()]);
    const results = await Promise.allSettled([
      (await alice.as()).me.update({ username: "Popular" }),
      (await bob.as()).me.update({ username: "popular" }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((result): result is PromiseRejectedResult => result.status === "rejected")!;
    expect(lost.reason).toMatchObject({ code: "CONFLICT", cause: { issues: [{ path: "username" }] } });
  });
});
