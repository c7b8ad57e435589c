import { UserViewKeyError, userViewOutput } from "@profilehub/validators";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";

import { appRouter, createContextInner } from "../src/index";
import { usersUpdateOutput } from "../src/router/users/update";
import { createCallerFactory, router, tokenProcedure } from "../src/trpc";
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

describe("the output check of user views", () => {
  it("every procedure that returns a user view checks its keys (userViewOutput)", () => {
    const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { output?: unknown } }>;
    for (const path of ["me.get", "me.update", "users.get", "me.totp.disable"]) {
      expect(procedures[path]?._def.output, path).toBe(userViewOutput);
    }
    expect(procedures["users.update"]?._def.output).toBe(usersUpdateOutput);
  });

  it("a view that carried a secret column is refused (internal error), and the secret is not in the error", async () => {
    const user = await app.signUp({ password: "very secret password" });
    const row = await app.database.db.user.findUniqueOrThrow({ where: { id: user.id } });
    const view = await (await user.as()).me.get();
    const leaky = createCallerFactory(
      router({
        me: tokenProcedure.output(userViewOutput).query(() => ({ ...view, passwordHash: row.passwordHash })),
        update: tokenProcedure
          .output(usersUpdateOutput)
          .query(() => ({ user: { ...view, totpSecretEncrypted: "SECRET" }, changes: {} })),
      }),
    );
    const session = { userId: user.id, userNumber: user.number, projectId: "default", sessionId: crypto.randomUUID() };
    const caller = leaky(createContextInner(app.services, { door: "trpc", session }));
    for (const call of [() => caller.me(), () => caller.update()]) {
      const error = await call().then(
        () => null,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe("INTERNAL_SERVER_ERROR");
      expect((error as TRPCError).cause).toBeInstanceOf(UserViewKeyError);
      expect(JSON.stringify(error) + String(error)).not.toContain(row.passwordHash!);
      expect(JSON.stringify(error) + String(error)).not.toContain("SECRET");
    }
  });
});
