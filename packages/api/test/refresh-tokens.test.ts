import { describe, expect, it } from "vitest";

import { failure } from "./helpers/errors";
import { useTestApp } from "./helpers/test-app";

const app = useTestApp();

const refresh = (refresh_token: string) =>
  app.anonymous("auth").auth.token({ grant_type: "refresh_token", refresh_token });

describe("refresh tokens", () => {
  it("rotate on use: the new pair works, in the same session", async () => {
    const user = await app.signUp();
    const rotated = await refresh(user.refreshToken);
    expect(rotated.refreshToken).not.toBe(user.refreshToken);
    expect(rotated.user.id).toBe(user.id);
    const again = await refresh(rotated.refreshToken);
    expect((await (await app.withToken(again.accessToken)).me.get()).id).toBe(user.id);
    expect(await app.database.db.session.count({ where: { userId: user.id } })).toBe(1);
  });

  it("are stored hashed only", async () => {
    const user = await app.signUp();
    const stored = await app.database.db.refreshToken.findMany({ select: { tokenHash: true } });
    expect(stored.map((row) => row.tokenHash)).not.toContain(user.refreshToken);
    expect(stored[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("reused just after rotation (within the reuse interval) return the session's current pair", async () => {
    const user = await app.signUp();
    const rotated = await refresh(user.refreshToken);
    const second = await refresh(user.refreshToken); // the other tab, a moment later
    expect(second.refreshToken).toBe(rotated.refreshToken);
    expect(second.user.id).toBe(user.id);
    expect((await (await app.withToken(second.accessToken)).me.get()).id).toBe(user.id);
    expect((await (await app.withToken(rotated.accessToken)).me.get()).id).toBe(user.id);
    // Either tab goes on refreshing; the session is never revoked.
    const next = await refresh(second.refreshToken);
    expect((await (await app.withToken(next.accessToken)).me.get()).id).toBe(user.id);
    const session = await app.database.db.session.findFirstOrThrow({ where: { userId: user.id } });
    expect(session.revokedAt).toBeNull();
  });

  it("refreshed by many tabs at once all succeed with one current pair, and the session stays usable", async () => {
    const user = await app.signUp();
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => refresh(user.refreshToken)));
    const rejected = results.filter((result) => result.status === "rejected");
    expect(rejected).toEqual([]);
    const pairs = results.map(
      (result) => (result as PromiseFulfilledResult<Awaited<ReturnType<typeof refresh>>>).value,
    );
    expect(new Set(pairs.map((pair) => pair.refreshToken)).size).toBe(1);
    for (const pair of pairs.slice(0, 3)) {
      expect((await (await app.withToken(pair.accessToken)).me.get()).id).toBe(user.id);
    }
    const next = await refresh(pairs[0]!.refreshToken);
    expect((await (await app.withToken(next.accessToken)).me.get()).id).toBe(user.id);
    expect(await app.database.db.session.count({ where: { userId: user.id, revokedAt: null } })).toBe(1);
    expect(await app.database.db.refreshToken.count({ where: { session: { userId: user.id } } })).toBe(3);
  });

  it("revoke the whole session when the just-rotated one is reused after the interval", async () => {
    const user = await app.signUp();
    const rotated = await refresh(user.refreshToken);
    // The rotation happened longer ago than REFRESH_TOKEN_REUSE_INTERVAL_S (10 s in TEST_CONFIG).
    await app.database.db.refreshToken.updateMany({
      where: { usedAt: { not: null } },
      data: { usedAt: new Date(Date.now() - 11_000) },
    });
    const reuse = await failure(refresh(user.refreshToken));
    expect(reuse).toMatchObject({ code: "UNAUTHORIZED", reason: "invalid_grant" });
    expect(reuse.message).toMatch(/already used/);
    // The thief's and the owner's tokens of that session are all dead now.
    expect((await failure(refresh(rotated.refreshToken))).reason).toBe("invalid_grant");
    expect((await failure((await app.withToken(rotated.accessToken)).me.get())).reason).toBe("session_revoked");
  });

  it("revoke the whole session when an older token is reused, even within the interval", async () => {
    const user = await app.signUp();
    const first = await refresh(user.refreshToken);
    const second = await refresh(first.refreshToken);
    const reuse = await failure(refresh(user.refreshToken)); // two rotations old
    expect(reuse).toMatchObject({ reason: "invalid_grant" });
    expect((await failure(refresh(second.refreshToken))).reason).toBe("invalid_grant");
    expect((await failure((await app.withToken(second.accessToken)).me.get())).reason).toBe("session_revoked");
    const session = await app.database.db.session.findFirstOrThrow({ where: { userId: user.id } });
    expect(session.revokedReason).toBe("refresh_token_reused");
  });

  it("are never reusable when the interval is 0", async () => {
    app.configure({ refreshTokenReuseIntervalS: 0 });
    try {
      const user = await app.signUp();
      const rotated = await refresh(user.refreshToken);
      expect((await failure(refresh(user.refreshToken))).reason).toBe("invalid_grant");
      expect((await failure((await app.withToken(rotated.accessToken)).me.get())).reason).toBe("session_revoked");
    } finally {
      app.configure({ refreshTokenReuseIntervalS: 10 });
    }
  });

  it("stop working after sign-out, and unknown ones are refused", async () => {
    const user = await app.signUp();
    await (await user.as()).auth.signOut();
    expect((await failure(refresh(user.refreshToken))).reason).toBe("invalid_grant");
    expect((await failure(refresh("not-a-token"))).reason).toBe("invalid_grant");
  });

  it("expire with their session", async () => {
    const user = await app.signUp();
    await app.database.db.refreshToken.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await failure(refresh(user.refreshToken));
    expect(expired.message).toMatch(/expired/);
  });
});
