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

  it("revoke the whole session when an old one is reused", async () => {
    const user = await app.signUp();
    const rotated = await refresh(user.refreshToken);
    const reuse = await failure(refresh(user.refreshToken));
    expect(reuse).toMatchObject({ code: "UNAUTHORIZED", reason: "invalid_grant" });
    expect(reuse.message).toMatch(/already used/);
    // The thief's and the owner's tokens of that session are all dead now.
    expect((await failure(refresh(rotated.refreshToken))).reason).toBe("invalid_grant");
    expect((await failure((await app.withToken(rotated.accessToken)).me.get())).reason).toBe("session_revoked");
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
