import { describe, expect, it } from "vitest";

import { failure, paths } from "./helpers/errors";
import { useTestApp } from "./helpers/test-app";

const app = useTestApp();

/** Nested `depth` levels deep (what JSON.parse hands over for `[[[[…]]]]`). */
function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let level = 0; level < depth; level += 1) value = [value];
  return value;
}

describe("input no database column can hold is a validation error, never a 500", () => {
  it("NUL characters and lone surrogates in text, metadata keys and values, on every procedure", async () => {
    const user = await app.signUp();
    const me = await user.as();
    const update = await failure(
      me.me.update({ displayName: "a\u0000b", bio: "\ud800", userMetadata: { "k\u0000": 1, v: ["\udc00"] } }),
    );
    expect(update.reason).toBe("validation");
    expect(paths(update.issues)).toEqual(["bio", "displayName", "userMetadata", "userMetadata.v.0"]);
    const admin = await failure(app.server().admin.upsertProject({ projectId: "p1", name: "x\u0000" }));
    expect([admin.reason, paths(admin.issues)]).toEqual(["validation", ["name"]]);
    const signUp = await failure(app.anonymous("auth").auth.signUp({ email: "a@b.co", password: "pass\u0000word" }));
    expect(signUp.reason).toBe("validation");
    expect((await me.me.get()).displayName).toBeNull();
  });

  it("metadata 10,000 levels deep or over 16 KB is refused before any recursion; 31 levels are stored", async () => {
    const user = await app.signUp();
    const me = await user.as();
    const deep = await failure(me.me.update({ userMetadata: { a: nested(10_000) } as never }));
    expect([deep.reason, paths(deep.issues)]).toEqual(["validation", ["userMetadata"]]);
    const tooDeep = await failure(me.me.update({ userMetadata: { a: nested(40) } as never }));
    expect(tooDeep.issues[0]!.message).toMatch(/nested too deeply \(maximum is 32 levels\)/);
    const large = await failure(me.me.update({ userMetadata: { a: "x".repeat(17 * 1024) } }));
    expect(large.issues[0]!.message).toMatch(/too large \(maximum is 16 KB/);
    const stored = await me.me.update({ userMetadata: { a: nested(30) } as never });
    expect(JSON.stringify(stored.userMetadata).length).toBeGreaterThan(60);
  });
});
