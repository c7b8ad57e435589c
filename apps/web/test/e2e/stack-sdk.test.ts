import { StackClientApp, StackServerApp } from "@stackframe/js";
import { KnownErrors } from "@stackframe/stack-shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type RunningServer, startServer } from "./running-server";

/** The UUID the default project answers to (printed at start-up, in the README). */
const PROJECT_ID = "f7ae08d3-a03c-4e12-85e4-d72dd343f0df";
/** Any publishable key is accepted (it is public in Stack too). */
const PUBLISHABLE_KEY = "pck_profilehub_test";
const PNG_URL = "https://example.com/avatar.png";
const SERVER_KEY = "a-server-key-for-the-stack-sdk-test-0123456789";

/**
 * Stack Auth's real SDK (`@stackframe/js` 2.8.108), unchanged, against `npm start`: only its
 * `baseUrl` points at ProfileHub; no request is rewritten.
 */
describe("Stack Auth's SDK (@stackframe/js 2.8.108) against a running server", () => {
  let server: RunningServer;
  const clientApp = () =>
    new StackClientApp({
      baseUrl: server.baseUrl,
      projectId: PROJECT_ID,
      publishableClientKey: PUBLISHABLE_KEY,
      tokenStore: "memory",
    });
  const signedUp = async (email: string, password = "correct horse 1") => {
    const app = clientApp();
    const result = await app.signUpWithCredential({ email, password, noVerificationCallback: true, noRedirect: true });
    expect(result.status).toBe("ok");
    return app;
  };

  beforeAll(async () => {
    server = await startServer({ SERVER_API_KEY: SERVER_KEY });
  }, 300_000);
  afterAll(() => server?.stop());

  it("prints the default project's Stack UUID at start-up", () => {
    // The settings banner pads its names to the longest one.
    expect(server.output()).toMatch(new RegExp(`Stack project id: +${PROJECT_ID} \\(project "default"\\)`));
  });

  it("signs up, reads the user, and updates it with update, setDisplayName and setClientMetadata", async () => {
    const app = await signedUp("stack-sdk@example.com");
    const user = await app.getUser({ or: "throw" });
    expect(user).toMatchObject({
      primaryEmail: "stack-sdk@example.com",
      primaryEmailVerified: false,
      displayName: null,
      hasPassword: true,
      emailAuthEnabled: true,
      otpAuthEnabled: false,
      passkeyAuthEnabled: false,
      isMultiFactorRequired: false,
      isAnonymous: false,
      isRestricted: false,
      oauthProviders: [],
      clientReadOnlyMetadata: { provider: "email" },
    });
    await user.update({ displayName: "Jane Stack", clientMetadata: { theme: "dark" }, profileImageUrl: PNG_URL });
    expect(await app.getUser({ or: "throw" })).toMatchObject({
      displayName: "Jane Stack",
      clientMetadata: { theme: "dark" },
      profileImageUrl: PNG_URL,
    });
    await user.setDisplayName("Jane S.");
    await user.setClientMetadata({ plan: "free" });
    const after = await app.getUser({ or: "throw" });
    expect(after).toMatchObject({ displayName: "Jane S.", clientMetadata: { plan: "free" } });
    expect(after.id).toBe(user.id);
  });

  it("signs in with a password; a wrong password is the SDK's EmailPasswordMismatch", async () => {
    await signedUp("sign-in@example.com", "right password 1");
    const app = clientApp();
    const wrong = await app.signInWithCredential({
      email: "sign-in@example.com",
      password: "wrong password",
      noRedirect: true,
    });
    expect(wrong.status === "error" && wrong.error).toBeInstanceOf(KnownErrors.EmailPasswordMismatch);
    expect(await app.getUser()).toBeNull();
    const right = await app.signInWithCredential({
      email: "sign-in@example.com",
      password: "right password 1",
      noRedirect: true,
    });
    expect(right.status).toBe("ok");
    expect((await app.getUser({ or: "throw" })).primaryEmail).toBe("sign-in@example.com");
  });

  it("raises the SDK's own known errors for bad input", async () => {
    const app = await signedUp("bad-input@example.com");
    const user = await app.getUser({ or: "throw" });
    await expect(user.update({ profileImageUrl: "not an image" })).rejects.toBeInstanceOf(KnownErrors.SchemaError);
    await expect(user.setDisplayName("x".repeat(101))).rejects.toBeInstanceOf(KnownErrors.SchemaError);
    expect((await app.getUser({ or: "throw" })).displayName).toBeNull();
    const taken = await clientApp().signUpWithCredential({
      email: "bad-input@example.com",
      password: "another password 1",
      noVerificationCallback: true,
      noRedirect: true,
    });
    expect(taken.status === "error" && taken.error).toBeInstanceOf(KnownErrors.UserWithEmailAlreadyExists);
    const short = await clientApp().signUpWithCredential({
      email: "short@example.com",
      password: "short",
      noVerificationCallback: true,
      noRedirect: true,
    });
    expect(short.status === "error" && short.error).toBeInstanceOf(KnownErrors.PasswordTooShort);
  });

  it("refreshes with the same refresh token again and again (Stack does not rotate)", async () => {
    const app = await signedUp("refresh@example.com");
    const { refreshToken } = await (await app.getUser({ or: "throw" })).getAuthJson();
    expect(refreshToken).toEqual(expect.any(String));
    for (let round = 0; round < 2; round++) {
      // No access token: the SDK must get one from the refresh grant before it can read the user.
      const fresh = new StackClientApp({
        baseUrl: server.baseUrl,
        projectId: PROJECT_ID,
        publishableClientKey: PUBLISHABLE_KEY,
        tokenStore: { accessToken: "", refreshToken: refreshToken! },
      });
      const user = await fresh.getUser({ or: "throw" });
      expect(user.primaryEmail).toBe("refresh@example.com");
      expect((await user.getAuthJson()).refreshToken).toBe(refreshToken);
    }
    const grants = server.logLines().filter((line) => line.route === "/api/v1/auth/oauth/token" && line.status === 200);
    expect(grants.length).toBeGreaterThanOrEqual(2);
  });

  it("takes the tokens of ProfileHub's own sign-up as they are (one token format)", async () => {
    const response = await fetch(`${server.baseUrl}/api/auth/signup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "native@example.com", password: "native password 1" }),
    });
    const { accessToken, refreshToken } = (await response.json()) as { accessToken: string; refreshToken: string };
    const app = new StackClientApp({
      baseUrl: server.baseUrl,
      projectId: PROJECT_ID,
      publishableClientKey: PUBLISHABLE_KEY,
      tokenStore: { accessToken, refreshToken },
    });
    const user = await app.getUser({ or: "throw" });
    expect(user.primaryEmail).toBe("native@example.com");
    // The SDK accepted the access token as it was: it did not need to refresh it.
    expect((await user.getAuthJson()).accessToken).toBe(accessToken);
  });

  it("a refresh token that is not ProfileHub's signs the SDK out (RefreshTokenNotFoundOrExpired)", async () => {
    const app = new StackClientApp({
      baseUrl: server.baseUrl,
      projectId: PROJECT_ID,
      publishableClientKey: PUBLISHABLE_KEY,
      tokenStore: { accessToken: "", refreshToken: "not-a-refresh-token" },
    });
    expect(await app.getUser()).toBeNull();
  });

  it("a server app reads a user by id and writes its server fields (GET/PATCH /api/v1/users/{id})", async () => {
    const client = await signedUp("server-app@example.com");
    const { id } = await client.getUser({ or: "throw" });
    const serverApp = new StackServerApp({
      baseUrl: server.baseUrl,
      projectId: PROJECT_ID,
      publishableClientKey: PUBLISHABLE_KEY,
      secretServerKey: SERVER_KEY,
      tokenStore: "memory",
    });
    const user = await serverApp.getUser(id);
    expect(user).toMatchObject({ id, primaryEmail: "server-app@example.com", serverMetadata: {} });
    await user!.update({ serverMetadata: { stripeId: "cus_1" }, clientReadOnlyMetadata: { plan: "pro" } });
    await user!.setDisplayName("Set By Server");
    expect(await serverApp.getUser(id)).toMatchObject({
      displayName: "Set By Server",
      serverMetadata: { stripeId: "cus_1" },
      clientReadOnlyMetadata: { plan: "pro" },
    });
    // The user's own app sees the read-only metadata, never the server's.
    const seen = await client.getUser({ or: "throw" });
    expect(seen.clientReadOnlyMetadata).toEqual({ plan: "pro" });
    expect(seen).not.toHaveProperty("serverMetadata");
    expect(await serverApp.getUser("00000000-0000-4000-8000-000000000000")).toBeNull();
    const wrongKey = new StackServerApp({
      baseUrl: server.baseUrl,
      projectId: PROJECT_ID,
      publishableClientKey: PUBLISHABLE_KEY,
      secretServerKey: "not-the-server-key",
      tokenStore: "memory",
    });
    await expect(wrongKey.getUser(id)).rejects.toBeInstanceOf(KnownErrors.InvalidSecretServerKey);
  });

  it("user.delete(): Stack's plain 400 until the project allows client deletion, then gone; the server app's too", async () => {
    const allowClientDeletion = (enabled: boolean) =>
      fetch(`${server.baseUrl}/api/admin/projects/default`, {
        method: "PUT",
        headers: { "x-api-key": SERVER_KEY, "content-type": "application/json" },
        body: JSON.stringify({ clientUserDeletionEnabled: enabled }),
      });
    const app = await signedUp("delete-me@example.com", "delete me please 1");
    const user = await app.getUser({ or: "throw" });
    await expect(user.delete()).rejects.toThrow("400 Client user deletion is not enabled for this project");
    expect((await app.getUser({ or: "throw" })).id).toBe(user.id);

    expect((await allowClientDeletion(true)).status).toBe(200);
    try {
      await user.delete();
      expect(await app.getUser()).toBeNull();
      const again = await clientApp().signInWithCredential({
        email: "delete-me@example.com",
        password: "delete me please 1",
        noRedirect: true,
      });
      expect(again.status === "error" && again.error).toBeInstanceOf(KnownErrors.EmailPasswordMismatch);
    } finally {
      await allowClientDeletion(false);
    }

    // Stack's server app deletes by id (DELETE /api/v1/users/{id}), whatever the setting.
    const other = await signedUp("deleted-by-server@example.com");
    const { id } = await other.getUser({ or: "throw" });
    const serverApp = new StackServerApp({
      baseUrl: server.baseUrl,
      projectId: PROJECT_ID,
      publishableClientKey: PUBLISHABLE_KEY,
      secretServerKey: SERVER_KEY,
      tokenStore: "memory",
    });
    const serverUser = await serverApp.getUser(id);
    await serverUser!.delete();
    expect(await serverApp.getUser(id)).toBeNull();
  });

  it("every request the SDK sent was answered by a route of ProfileHub, none failed", () => {
    const requests = server.logLines().filter((line) => line.msg === "request");
    expect(requests.length).toBeGreaterThan(10);
    expect(requests.filter((line) => line.route === "/api/v1/[...rest]" || line.status >= 500)).toEqual([]);
  });

  it("any other path under /api/v1/ is a JSON 404 in Stack's shape, never a page", async () => {
    for (const [method, path] of [
      ["GET", "/api/v1/projects/current"],
      ["POST", "/api/v1/auth/password/update"],
      ["DELETE", "/api/v1/nothing/here"],
    ] as const) {
      const response = await fetch(`${server.baseUrl}${path}`, { method });
      expect([method, path, response.status, response.headers.get("content-type")]).toEqual([
        method,
        path,
        404,
        "application/json",
      ]);
      expect(await response.json()).toMatchObject({ code: "ROUTE_NOT_FOUND", error: expect.stringContaining(path) });
    }
  });
});
