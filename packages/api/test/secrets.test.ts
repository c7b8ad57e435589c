import { describe, expect, it } from "vitest";

import { useTestApp } from "./helpers/test-app";

const app = useTestApp();

describe("secrets never leave the server", () => {
  it("no user-facing output carries a password hash, TOTP secret or server metadata", async () => {
    const user = await app.signUp({ password: "very secret password" });
    const totp = Buffer.from("totp-secret-bytes-20").toString("base64");
    await app
      .server()
      .users.update({ userId: user.id, changes: { serverMetadata: { internal: "SERVER-ONLY-VALUE" } } });
    const me = await user.as();
    const signedIn = await app
      .anonymous("auth")
      .auth.token({ grant_type: "password", email: user.email, password: "very secret password" });
    const outputs = [
      signedIn,
      await me.me.update({ totpSecretBase64: totp, displayName: "x" }),
      await me.me.get(),
      await me.users.get({ userId: user.id }),
      (await me.users.update({ userId: user.id, changes: { bio: "y" } })).user,
    ];
    const rows = await app.database.db.user.findUniqueOrThrow({ where: { id: user.id } });
    const text = JSON.stringify(outputs);
    expect(text).not.toContain(rows.passwordHash!);
    expect(text).not.toContain("argon2");
    expect(text).not.toContain(totp);
    expect(text).not.toContain(rows.totpSecretEncrypted!);
    expect(text).not.toContain("SERVER-ONLY-VALUE");
    expect(text).not.toContain("very secret password");
  });
});
