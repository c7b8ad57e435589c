import { randomUUID } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type RunningServer, startServer } from "./running-server";
import { STACK_SDKS, type StackSdk } from "./stack-sdk-versions";

/** The UUID the default project answers to (printed at start-up, in the README). */
const PROJECT_ID = "f7ae08d3-a03c-4e12-85e4-d72dd343f0df";
/** Any publishable key is accepted while the project sets none (it is public in Stack too). */
const PUBLISHABLE_KEY = "pck_profilehub_test";
const PNG_URL = "https://example.com/avatar.png";
const SERVER_KEY = "a-server-key-for-the-stack-sdk-test-0123456789";

let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ SERVER_API_KEY: SERVER_KEY });
}, 300_000);
afterAll(() => server?.stop());

/** ProfileHub's admin API (the server key), for what Stack does in its dashboard: teams, project keys. */
async function admin(method: string, path: string, body: unknown): Promise<any> {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { "content-type": "application/json", "x-api-key": SERVER_KEY },
    body: JSON.stringify(body),
  });
  expect(response.status, path).toBeLessThan(300);
  return response.json();
}

/** The current code of an authenticator holding these secret bytes. */
const totpCode = (secret: Uint8Array, offsetSteps = 0) =>
  new TOTP({ secret: new Secret({ buffer: secret.slice().buffer }) }).generate({
    timestamp: Date.now() + offsetSteps * 30_000,
  });

/**
 * Stack Auth's real SDK, unchanged (2.8.108 and 2.8.102), against `npm start`: only its `baseUrl`
 * points at ProfileHub; no request is rewritten.
 */
describe.each(STACK_SDKS)("Stack Auth's SDK $version against a running server", (sdk: StackSdk) => {
  const { StackClientApp, StackServerApp, KnownErrors, version } = sdk;
  /** Addresses unique to this release (both share one server). */
  const mail = (name: string) => `${name}.${version.replaceAll(".", "-")}@example.com`;
  const clientApp = (options: { projectId?: string; publishableClientKey?: string | undefined } = {}) =>
    new StackClientApp({
      baseUrl: server.baseUrl,
      projectId: options.projectId ?? PROJECT_ID,
      ...("publishableClientKey" in options
        ? { publishableClientKey: options.publishableClientKey }
        : { publishableClientKey: PUBLISHABLE_KEY }),
      tokenStore: "memory",
    });
  const serverApp = (secretServerKey = SERVER_KEY) =>
    new StackServerApp({
      baseUrl: server.baseUrl,
      projectId: PROJECT_ID,
      publishableClientKey: PUBLISHABLE_KEY,
      secretServerKey,
      tokenStore: "memory",
    });
  const signedUp = async (email: string, password = "correct horse 1", app = clientApp()) => {
    const result = await app.signUpWithCredential({ email, password, noVerificationCallback: true, noRedirect: true });
    expect(result.status === "error" ? result.error : "ok").toBe("ok");
    return app;
  };
  const signedIn = async (email: string, password: string) => {
    const app = clientApp();
    const result = await app.signInWithCredential({ email, password, noRedirect: true });
    expect(result.status === "error" ? result.error : "ok").toBe("ok");
    return app;
  };

  it("prints the default project's Stack UUID at start-up", () => {
    // The settings banner pads its names to the longest one.
    expect(server.output()).toMatch(new RegExp(`Stack project id: +${PROJECT_ID} \\(project "default"\\)`));
  });

  it("signs up, reads the user, and updates it with update, setDisplayName and setClientMetadata", async () => {
    const app = await signedUp(mail("stack-sdk"));
    const user = await app.getUser({ or: "throw" });
    expect(user).toMatchObject({
      primaryEmail: mail("stack-sdk"),
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
    await user.update({ otpAuthEnabled: false, passkeyAuthEnabled: false });
    await user.update({ primaryEmail: mail("stack-sdk-new") });
    const after = await app.getUser({ or: "throw" });
    expect(after).toMatchObject({
      displayName: "Jane S.",
      clientMetadata: { plan: "free" },
      primaryEmail: mail("stack-sdk-new"),
      primaryEmailVerified: false,
    });
    expect(after.id).toBe(user.id);
  });

  it("signs in with a password; a wrong password is the SDK's EmailPasswordMismatch", async () => {
    await signedUp(mail("sign-in"), "right password 1");
    const app = clientApp();
    const wrong = await app.signInWithCredential({
      email: mail("sign-in"),
      password: "wrong password",
      noRedirect: true,
    });
    expect(wrong.status === "error" && wrong.error).toBeInstanceOf(KnownErrors.EmailPasswordMismatch);
    expect(await app.getUser()).toBeNull();
    const right = await app.signInWithCredential({
      email: mail("sign-in"),
      password: "right password 1",
      noRedirect: true,
    });
    expect(right.status).toBe("ok");
    expect((await app.getUser({ or: "throw" })).primaryEmail).toBe(mail("sign-in"));
  });

  it("raises the SDK's own known errors for bad input", async () => {
    const app = await signedUp(mail("bad-input"));
    const user = await app.getUser({ or: "throw" });
    await expect(user.update({ profileImageUrl: "not an image" })).rejects.toBeInstanceOf(KnownErrors.SchemaError);
    await expect(user.setDisplayName("x".repeat(101))).rejects.toBeInstanceOf(KnownErrors.SchemaError);
    expect((await app.getUser({ or: "throw" })).displayName).toBeNull();
    const taken = await clientApp().signUpWithCredential({
      email: mail("bad-input"),
      password: "another password 1",
      noVerificationCallback: true,
      noRedirect: true,
    });
    expect(taken.status === "error" && taken.error).toBeInstanceOf(KnownErrors.UserWithEmailAlreadyExists);
    const short = await clientApp().signUpWithCredential({
      email: mail("short"),
      password: "short",
      noVerificationCallback: true,
      noRedirect: true,
    });
    expect(short.status === "error" && short.error).toBeInstanceOf(KnownErrors.PasswordTooShort);
  });

  it("updatePassword: a wrong old password is PasswordConfirmationMismatch; the right one changes it and signs the other sessions out", async () => {
    const email = mail("password-update");
    const app = await signedUp(email, "old password 1");
    const otherDevice = await signedIn(email, "old password 1");
    const user = await app.getUser({ or: "throw" });

    const wrong = await user.updatePassword({ oldPassword: "not my password", newPassword: "new password 1" });
    expect(wrong).toBeInstanceOf(KnownErrors.PasswordConfirmationMismatch);
    const short = await user.updatePassword({ oldPassword: "old password 1", newPassword: "short" });
    expect(short).toBeInstanceOf(KnownErrors.PasswordTooShort);
    const same = await user.updatePassword({ oldPassword: "old password 1", newPassword: "old password 1" });
    expect(same).toBeInstanceOf(KnownErrors.PasswordRequirementsNotMet);

    expect(await user.updatePassword({ oldPassword: "old password 1", newPassword: "new password 1" })).toBeUndefined();
    // This session stays; the other device is signed out (its refresh grant fails too).
    expect((await app.getUser({ or: "throw" })).id).toBe(user.id);
    expect(await otherDevice.getUser()).toBeNull();
    const old = await clientApp().signInWithCredential({ email, password: "old password 1", noRedirect: true });
    expect(old.status === "error" && old.error).toBeInstanceOf(KnownErrors.EmailPasswordMismatch);
    await signedIn(email, "new password 1");
  });

  it("setPassword is for accounts without a password: Stack's plain 400 for one that has a password", async () => {
    const app = await signedUp(mail("password-set"), "first password 1");
    const user = await app.getUser({ or: "throw" });
    await expect(user.setPassword({ password: "second password 1" })).rejects.toThrow(
      /400 User already has a password set\./,
    );
    await signedIn(mail("password-set"), "first password 1");
  });

  it("lists the active sessions and revokes another one; the current one is CannotDeleteCurrentSession", async () => {
    const email = mail("sessions");
    const app = await signedUp(email);
    const otherDevice = await signedIn(email, "correct horse 1");
    const user = await app.getUser({ or: "throw" });
    const sessions = await user.getActiveSessions();
    expect(sessions).toHaveLength(2);
    const current = sessions.find((session) => session.isCurrentSession);
    const other = sessions.find((session) => !session.isCurrentSession);
    expect(current).toMatchObject({ userId: user.id, isImpersonation: false, createdAt: expect.any(Date) });
    expect(other).toBeDefined();

    await user.revokeSession(other!.id);
    expect((await user.getActiveSessions()).map((session) => session.id)).toEqual([current!.id]);
    expect(await otherDevice.getUser()).toBeNull();
    await expect(user.revokeSession(current!.id)).rejects.toBeInstanceOf(KnownErrors.CannotDeleteCurrentSession);
    expect((await app.getUser({ or: "throw" })).id).toBe(user.id);
  });

  it("lists the user's teams and selects one (setSelectedTeam); a team the user is not in is TeamMembershipNotFound", async () => {
    const app = await signedUp(mail("teams"));
    const user = await app.getUser({ or: "throw" });
    const mine = await admin("POST", "/api/admin/teams", { displayName: `Mine ${version}` });
    const theirs = await admin("POST", "/api/admin/teams", { displayName: `Theirs ${version}` });
    await admin("POST", `/api/admin/teams/${mine.id}/members`, { userId: user.id });

    const teams = await user.listTeams();
    expect(teams.map((team) => [team.id, team.displayName])).toEqual([[mine.id, `Mine ${version}`]]);
    expect((await user.getTeam(mine.id))?.displayName).toBe(`Mine ${version}`);
    expect(await user.getTeam(theirs.id)).toBeNull();

    await user.setSelectedTeam(teams[0]!);
    const selected = await app.getUser({ or: "throw" });
    expect(selected.selectedTeam?.id).toBe(mine.id);
    expect(selected.selectedTeam?.displayName).toBe(`Mine ${version}`);
    await expect(user.setSelectedTeam(theirs.id)).rejects.toBeInstanceOf(KnownErrors.TeamMembershipNotFound);
    await user.setSelectedTeam(null);
    expect((await app.getUser({ or: "throw" })).selectedTeam).toBeNull();
  });

  it("turns TOTP on and off with update({totpMultiFactorSecret}); with it on, sign-in asks for a code (MFA)", async () => {
    const email = mail("totp");
    const app = await signedUp(email, "totp password 1");
    const user = await app.getUser({ or: "throw" });
    const secret = new Uint8Array(20).map((_, index) => (index * 37 + 11) % 256);
    await user.update({ totpMultiFactorSecret: secret });
    expect((await app.getUser({ or: "throw" })).isMultiFactorRequired).toBe(true);

    // The SDK's password sign-in meets MULTI_FACTOR_AUTHENTICATION_REQUIRED and goes to its MFA page.
    const visited: string[] = [];
    const redirecting = new StackClientApp({
      baseUrl: server.baseUrl,
      projectId: PROJECT_ID,
      publishableClientKey: PUBLISHABLE_KEY,
      tokenStore: "memory",
      // The SDK's Node path calls only `navigate` (useNavigate is for its React hooks).
      redirectMethod: { useNavigate: () => () => undefined, navigate: (url: string) => void visited.push(url) },
    });
    await expect(
      redirecting.signInWithCredential({ email, password: "totp password 1", noRedirect: true }),
    ).rejects.toThrow();
    expect(visited).toEqual([expect.stringContaining("mfa")]);

    // The attempt code the SDK keeps in a browser's sessionStorage, as the same request returns it.
    const answer = await fetch(`${server.baseUrl}/api/v1/auth/password/sign-in`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-stack-project-id": PROJECT_ID,
        "x-stack-access-type": "client",
        "x-stack-publishable-client-key": PUBLISHABLE_KEY,
      },
      body: JSON.stringify({ email, password: "totp password 1" }),
    });
    expect([answer.status, answer.headers.get("x-stack-known-error")]).toEqual([
      400,
      "MULTI_FACTOR_AUTHENTICATION_REQUIRED",
    ]);
    const attemptCode = ((await answer.json()) as { details: { attempt_code: string } }).details.attempt_code;

    const mfa = clientApp();
    const wrongCode = await mfa.signInWithMfa(totpCode(secret, 10), attemptCode, { noRedirect: true });
    expect(wrongCode.status === "error" && wrongCode.error).toBeInstanceOf(KnownErrors.InvalidTotpCode);
    const forged = await mfa.signInWithMfa(totpCode(secret), "not-an-attempt-code", { noRedirect: true });
    expect(forged.status === "error" && forged.error).toBeInstanceOf(KnownErrors.VerificationCodeNotFound);
    expect((await mfa.signInWithMfa(totpCode(secret), attemptCode, { noRedirect: true })).status).toBe("ok");
    expect((await mfa.getUser({ or: "throw" })).id).toBe(user.id);

    await user.update({ totpMultiFactorSecret: null });
    expect((await app.getUser({ or: "throw" })).isMultiFactorRequired).toBe(false);
    await signedIn(email, "totp password 1");
  });

  it("refreshes with the same refresh token again and again (Stack does not rotate)", async () => {
    const app = await signedUp(mail("refresh"));
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
      expect(user.primaryEmail).toBe(mail("refresh"));
      expect((await user.getAuthJson()).refreshToken).toBe(refreshToken);
    }
    const grants = server.logLines().filter((line) => line.route === "/api/v1/auth/oauth/token" && line.status === 200);
    expect(grants.length).toBeGreaterThanOrEqual(2);
  });

  it("takes the tokens of ProfileHub's own sign-up as they are (one token format)", async () => {
    const response = await fetch(`${server.baseUrl}/api/auth/signup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: mail("native"), password: "native password 1" }),
    });
    const { accessToken, refreshToken } = (await response.json()) as { accessToken: string; refreshToken: string };
    const app = new StackClientApp({
      baseUrl: server.baseUrl,
      projectId: PROJECT_ID,
      publishableClientKey: PUBLISHABLE_KEY,
      tokenStore: { accessToken, refreshToken },
    });
    const user = await app.getUser({ or: "throw" });
    expect(user.primaryEmail).toBe(mail("native"));
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

  it("a project's publishable client key: another key is InvalidPublishableClientKey, none is PublishableClientKeyRequiredForProject", async () => {
    const projectId = randomUUID();
    await admin("PUT", `/api/admin/projects/${projectId}`, { publishableClientKey: "pck_the_right_one" });
    const signUp = (app: InstanceType<typeof StackClientApp>) =>
      app.signUpWithCredential({
        email: mail("keyed"),
        password: "keyed password 1",
        noVerificationCallback: true,
        noRedirect: true,
      });
    await expect(signUp(clientApp({ projectId, publishableClientKey: "pck_wrong" }))).rejects.toBeInstanceOf(
      KnownErrors.InvalidPublishableClientKey,
    );
    await expect(signUp(clientApp({ projectId, publishableClientKey: undefined }))).rejects.toBeInstanceOf(
      KnownErrors.PublishableClientKeyRequiredForProject,
    );
    const app = clientApp({ projectId, publishableClientKey: "pck_the_right_one" });
    expect((await signUp(app)).status).toBe("ok");
    const { refreshToken } = await (await app.getUser({ or: "throw" })).getAuthJson();
    // The refresh grant sends the key as its client secret: the wrong one is refused there too
    // (INVALID_OAUTH_CLIENT_ID_OR_SECRET, which the SDK's refresh reports as a failure to connect).
    const grantsBefore = server.logLines().filter((line) => line.route === "/api/v1/auth/oauth/token").length;
    const wrongSecret = new StackClientApp({
      baseUrl: server.baseUrl,
      projectId,
      publishableClientKey: "pck_wrong",
      tokenStore: { accessToken: "", refreshToken: refreshToken! },
    });
    await expect(wrongSecret.getUser()).rejects.toThrow();
    const grants = server
      .logLines()
      .filter((line) => line.route === "/api/v1/auth/oauth/token")
      .slice(grantsBefore);
    expect(grants.length).toBeGreaterThan(0);
    expect(grants.every((line) => line.status === 400)).toBe(true);

    await admin("PUT", `/api/admin/projects/${projectId}`, { publishableClientKey: null });
    const anyKey = clientApp({ projectId, publishableClientKey: "pck_anything" });
    const signIn = await anyKey.signInWithCredential({
      email: mail("keyed"),
      password: "keyed password 1",
      noRedirect: true,
    });
    expect(signIn.status).toBe("ok");
  });

  it("a server app reads a user by id and writes every server field (GET/PATCH /api/v1/users/{id})", async () => {
    const client = await signedUp(mail("server-app"));
    const { id } = await client.getUser({ or: "throw" });
    const app = serverApp();
    const user = await app.getUser(id);
    expect(user).toMatchObject({ id, primaryEmail: mail("server-app"), serverMetadata: {} });
    await user!.update({ serverMetadata: { stripeId: "cus_1" }, clientReadOnlyMetadata: { plan: "pro" } });
    await user!.setDisplayName("Set By Server");
    await user!.setClientMetadata({ from: "server" });
    await user!.setClientReadOnlyMetadata({ plan: "team" });
    await user!.setServerMetadata({ stripeId: "cus_2" });
    await user!.setPrimaryEmail(mail("server-app-new"), { verified: true });
    expect(await app.getUser(id)).toMatchObject({
      displayName: "Set By Server",
      clientMetadata: { from: "server" },
      serverMetadata: { stripeId: "cus_2" },
      clientReadOnlyMetadata: { plan: "team" },
      primaryEmail: mail("server-app-new"),
      primaryEmailVerified: true,
    });
    // The user's own app sees the read-only metadata, never the server's.
    const seen = await client.getUser({ or: "throw" });
    expect(seen.clientReadOnlyMetadata).toEqual({ plan: "team" });
    expect(seen).not.toHaveProperty("serverMetadata");

    // setPassword on a server user: PATCH {password}; every session is signed out, the new password works.
    await user!.setPassword({ password: "set by server 1" });
    expect(await client.getUser()).toBeNull();
    await signedIn(mail("server-app-new"), "set by server 1");

    expect(await app.getUser("00000000-0000-4000-8000-000000000000")).toBeNull();
    await expect(serverApp("not-the-server-key").getUser(id)).rejects.toBeInstanceOf(
      KnownErrors.InvalidSecretServerKey,
    );
  });

  it("user.delete(): Stack's plain 400 until the project allows client deletion, then gone; the server app's too", async () => {
    const allowClientDeletion = (enabled: boolean) =>
      admin("PUT", "/api/admin/projects/default", { clientUserDeletionEnabled: enabled });
    const app = await signedUp(mail("delete-me"), "delete me please 1");
    const user = await app.getUser({ or: "throw" });
    await expect(user.delete()).rejects.toThrow("400 Client user deletion is not enabled for this project");
    expect((await app.getUser({ or: "throw" })).id).toBe(user.id);

    expect((await allowClientDeletion(true)).clientUserDeletionEnabled).toBe(true);
    try {
      await user.delete();
      expect(await app.getUser()).toBeNull();
      const again = await clientApp().signInWithCredential({
        email: mail("delete-me"),
        password: "delete me please 1",
        noRedirect: true,
      });
      expect(again.status === "error" && again.error).toBeInstanceOf(KnownErrors.EmailPasswordMismatch);
    } finally {
      await allowClientDeletion(false);
    }

    // Stack's server app deletes by id (DELETE /api/v1/users/{id}), whatever the setting; the user's
    // other device, signed in, is answered ACCESS_TOKEN_EXPIRED, its refresh fails, and the SDK signs out.
    const other = await signedUp(mail("deleted-by-server"), "deleted by server 1");
    const device = await signedIn(mail("deleted-by-server"), "deleted by server 1");
    const { id } = await other.getUser({ or: "throw" });
    expect((await device.getUser({ or: "throw" })).id).toBe(id);
    const serverUser = await serverApp().getUser(id);
    await serverUser!.delete();
    expect(await serverApp().getUser(id)).toBeNull();
    expect(await device.getUser()).toBeNull();
    expect(await other.getUser()).toBeNull();
  });
});

describe("what the SDKs sent", () => {
  it("every request was answered by a route of ProfileHub, none failed", () => {
    const requests = server.logLines().filter((line) => line.msg === "request");
    expect(requests.length).toBeGreaterThan(40);
    expect(requests.filter((line) => line.route === "/api/v1/[...rest]" || line.status >= 500)).toEqual([]);
  });

  it("any other path under /api/v1/ is a JSON 404 in Stack's shape, never a page", async () => {
    for (const [method, path] of [
      ["GET", "/api/v1/projects/current"],
      ["POST", "/api/v1/auth/otp/sign-in"],
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
