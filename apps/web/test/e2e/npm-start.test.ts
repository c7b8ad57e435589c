import { readFileSync } from "node:fs";
import path from "node:path";
import { linkToken, startSmtpServer, type TestSmtpServer } from "@profilehub/api/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { AccessTokens } from "../../../../packages/api/src/auth/access-token";
import { databaseTargets } from "./database-targets";
import { http, type RunningServer, startServer } from "./running-server";

const readSecrets = (dataDir: string) =>
  JSON.parse(readFileSync(path.join(dataDir, "secrets.json"), "utf8")) as { authSecret: string };

const targets = databaseTargets("web");

describe.each(targets)("npm start on $name", (target) => {
  let server: RunningServer;
  let smtp: TestSmtpServer;
  let call: ReturnType<typeof http>;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    server = await startServer({ ...(await target.env()), SMTP_URL: smtp.url });
    call = http(server.baseUrl);
  }, 300_000);
  afterAll(async () => {
    await server?.stop();
    await smtp?.close();
    await target.cleanup();
  });

  it("serves the landing page saying what runs", async () => {
    const page = await call("GET", "/");
    expect(page.status).toBe(200);
    expect(page.text).toContain(target.name === "PostgreSQL" ? "PostgreSQL" : "Embedded PGlite");
    expect(server.output()).toMatch(/server key \(generated in .*secrets\.json\): phk_/);
  });

  it("signs up, updates and reads the profile over /api/trpc, and a password change rejects older sessions", async () => {
    const signup = await call("POST", "/api/auth/signup", {
      body: { email: "Ada@Example.com", password: "correct horse" },
    });
    expect(signup.status).toBe(201);
    expect(signup.json).toMatchObject({ user: { email: "ada@example.com", projectId: "default" }, expiresIn: 900 });
    const firstSession = signup.json.accessToken as string;

    const token = await call("POST", "/api/auth/token", {
      body: { grant_type: "password", email: "ada@example.com", password: "correct horse" },
    });
    expect(token.status).toBe(200);
    const accessToken = token.json.accessToken as string;

    const update = await call("POST", "/api/trpc/me.update", {
      token: accessToken,
      body: { displayName: "  Ada  ", username: "Ada.L!", userMetadataPatch: { theme: "dark" } },
    });
    expect(update.status).toBe(200);
    expect(update.json.result.data).toMatchObject({
      displayName: "Ada",
      username: "ada.l",
      userMetadata: { theme: "dark" },
    });

    const me = await call("GET", "/api/trpc/me.get", { token: accessToken });
    expect(me.json.result.data).toEqual(update.json.result.data);

    const change = await call("POST", "/api/trpc/me.update", {
      token: accessToken,
      body: { password: "a brand new password", currentPassword: "correct horse" },
    });
    expect(change.status).toBe(200);
    const old = await call("GET", "/api/trpc/me.get", { token: firstSession });
    expect(old.status).toBe(401);
    expect(old.json.error.data.reason).toBe("session_revoked");
  });

  it("tells an expired access token from an invalid one (the production bundle included)", async () => {
    const signup = await call("POST", "/api/auth/signup", {
      body: { email: "expired@example.com", password: "correct horse" },
    });
    const claims = await new AccessTokens(readSecrets(server.dataDir).authSecret).verify(signup.json.accessToken);
    const expired = await new AccessTokens(readSecrets(server.dataDir).authSecret, 60).sign(
      claims,
      Date.now() - 3_600_000,
    );
    const response = await call("GET", "/api/trpc/me.get", { token: expired });
    expect([response.status, response.json.error.data.reason]).toEqual([401, "token_expired"]);
  });

  it("answers bad input with clear errors in the documented shape, never a 500", async () => {
    const invalid = await call("POST", "/api/trpc/me.update", { token: "not-a-jwt", body: { displayName: 1 } });
    expect(invalid.status).toBe(401);
    const signup = await call("POST", "/api/auth/signup", { body: { email: "x", password: "1" } });
    expect(signup.status).toBe(400);
    expect(signup.json.error.code).toBe("validation");
    expect(signup.json.error.issues.map((issue: { path: string }) => issue.path).sort()).toEqual(["email", "password"]);
    const malformed = await call("POST", "/api/auth/signup", { body: "{not json" });
    expect(malformed.status).toBe(400);
    expect(malformed.json.error.code).toBe("invalid_json");
    const huge = await call("POST", "/api/auth/signup", { body: { email: "a@b.co", password: "x".repeat(200_000) } });
    expect(huge.status).toBe(413);
    const wrongType = await call("POST", "/api/auth/token", {
      body: "email=a",
      headers: { "content-type": "text/plain" },
    });
    expect(wrongType.status).toBe(415);
    const badCredentials = await call("POST", "/api/auth/token", {
      body: { grant_type: "password", email: "nobody@example.com", password: "x" },
    });
    expect(badCredentials.status).toBe(401);
    expect(badCredentials.json.error.code).toBe("invalid_credentials");
  });

  it("refreshes, logs out, and verifies an email through the mailed link", async () => {
    const signup = await call("POST", "/api/auth/signup", {
      body: { email: "link@example.com", password: "correct horse" },
    });
    const refreshed = await call("POST", "/api/auth/token", {
      body: { grant_type: "refresh_token", refresh_token: signup.json.refreshToken },
    });
    expect(refreshed.status).toBe(200);
    const logout = await call("POST", "/api/auth/logout", { token: refreshed.json.accessToken });
    expect(logout.status).toBe(204);
    expect((await call("GET", "/api/trpc/me.get", { token: refreshed.json.accessToken })).status).toBe(401);

    // The verification mail reaches a real SMTP server within seconds; its link works once.
    const mail = await smtp.waitForMail((received) => received.to.includes("link@example.com"), 10_000);
    expect(mail.text).toContain(`${server.baseUrl}/api/auth/verify-email?token=`);
    const link = `/api/auth/verify-email?token=${encodeURIComponent(linkToken(mail))}`;
    const page = await call("GET", link);
    expect(page.status).toBe(200);
    expect(page.text).toContain("Email verified");
    const again = await call("GET", link, { headers: { accept: "application/json" } });
    expect(again.status).toBe(400);
    expect(again.json.error.code).toBe("email_token_invalid");
    // A browser preferring French gets the page in French.
    const french = await call("GET", link, { headers: { "accept-language": "fr-CA,fr;q=0.9,en;q=0.5" } });
    expect(french.status).toBe(400);
    expect(french.text).toContain('<html lang="fr">');
    expect(french.text).toContain("Ce lien ne peut pas être utilisé");
    expect(french.text).toContain("Ce lien est invalide, a déjà servi ou a expiré");
  });
});
