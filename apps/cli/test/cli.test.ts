// The real `profilehub` command, as a child process, against `npm start` (embedded PGlite).
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createProfileHubClient } from "@profilehub/client";
import { Secret, TOTP } from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { AccessTokens } from "../../../packages/api/src/auth/access-token";
import { type RunningServer, startServer } from "../../web/test/e2e/running-server";

const bin = fileURLToPath(new URL("../bin/profilehub.mjs", import.meta.url));

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

describe("profilehub CLI against npm start", () => {
  let server: RunningServer;
  let home: string;
  let configFile: string;

  /** Runs `profilehub …` with its own credentials file; `input` is piped to stdin. */
  const cli = (args: string[], input = ""): Promise<Result> =>
    new Promise((resolve, reject) => {
      const env: NodeJS.ProcessEnv = { ...process.env, PROFILEHUB_CONFIG: configFile, NO_COLOR: "1" };
      delete env.PROFILEHUB_URL;
      delete env.PROFILEHUB_PASSWORD;
      const child = spawn(process.execPath, [bin, ...args], { env, stdio: ["pipe", "pipe", "pipe"] });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, stdout, stderr }));
      child.stdin.end(input);
    });

  const stored = () => JSON.parse(readFileSync(configFile, "utf8"));
  const store = (credentials: unknown) => writeFileSync(configFile, JSON.stringify(credentials), { mode: 0o600 });

  beforeAll(async () => {
    home = mkdtempSync(path.join(tmpdir(), "profilehub-cli-"));
    configFile = path.join(home, "config", "profilehub", "credentials.json");
    server = await startServer();
  }, 300_000);

  afterAll(async () => {
    await server?.stop();
    rmSync(home, { recursive: true, force: true });
  });

  it("signs up, stores the session for the user only, and shows the profile", async () => {
    const signup = await cli([
      "signup",
      "--url",
      server.baseUrl,
      "--email",
      "Ada@Example.com",
      "--password",
      "correct horse",
    ]);
    expect(signup.stderr).toBe("");
    expect(signup.code).toBe(0);
    expect(signup.stdout).toContain(`Account created: ada@example.com (project default) at ${server.baseUrl}.`);
    expect(signup.stdout).toContain(`Session stored in ${configFile}.`);
    expect(statSync(configFile).mode & 0o777).toBe(0o600);
    expect(stored()).toMatchObject({
      url: server.baseUrl,
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      user: { email: "ada@example.com", projectId: "default" },
    });

    const me = await cli(["me"]);
    expect(me.code).toBe(0);
    expect(me.stdout).toMatch(/^Email: +ada@example\.com \(not verified\)$/m);
    expect(me.stdout).toMatch(/^Display name: +\(not set\)$/m);
    expect(me.stdout).toMatch(/^Locale: +en \(English\)$/m);
    // Aligned: every value starts in the same column.
    const columns = new Set(
      me.stdout
        .trim()
        .split("\n")
        .map((line) => /^[^:]+: +/.exec(line)![0].length),
    );
    expect(columns.size).toBe(1);

    const json = await cli(["me", "--json"]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ email: "ada@example.com", displayName: null, locale: "en" });
  });

  it("signs in with the password on stdin; a wrong password or an invalid signup is refused", async () => {
    const login = await cli(
      ["login", "--url", server.baseUrl, "--email", "ada@example.com", "--password-stdin"],
      "correct horse\n",
    );
    expect(login.stderr).toBe("");
    expect(login.code).toBe(0);
    expect(login.stdout).toContain("Signed in as ada@example.com (project default)");

    const wrong = await cli([
      "login",
      "--url",
      server.baseUrl,
      "--email",
      "ada@example.com",
      "--password",
      "wrong horse",
    ]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/^profilehub: .*(email or password|credentials)/im);

    const short = await cli(["signup", "--url", server.baseUrl, "--email", "bob@example.com", "--password", "short"]);
    expect(short.code).toBe(1);
    expect(short.stderr).toContain("profilehub: The server refused the request:");
    expect(short.stderr).toMatch(/^ {2}password: .+/m);

    const noPassword = await cli(["login", "--url", server.baseUrl, "--email", "ada@example.com"]);
    expect(noPassword.code).toBe(2);
    expect(noPassword.stderr).toContain("A password is needed");
    // The failed attempts kept the session that worked.
    expect((await cli(["me"])).code).toBe(0);
  });

  it("updates the profile through typed calls and prints what changed", async () => {
    const update = await cli([
      "update",
      "--display-name",
      "Ada Lovelace",
      "--username",
      "Ada.L",
      "--bio",
      "Analyst",
      "--birthdate",
      "1990-12-10",
      "--locale",
      "fr",
      "--location=-0.1276,51.5072",
      "--metadata",
      '{"theme":"dark","n":1}',
    ]);
    expect(update.stderr).toBe("");
    expect(update.code).toBe(0);
    expect(update.stdout).toMatch(/^Updated 7 fields:$/m);
    expect(update.stdout).toMatch(/^ {2}Display name: +\(not set\) → Ada Lovelace$/m);
    expect(update.stdout).toMatch(/^ {2}Username: +\(not set\) → ada\.l$/m);
    expect(update.stdout).toMatch(/^ {2}Locale: +en \(English\) → fr \(French\)$/m);
    expect(update.stdout).toMatch(/^ {2}Location: +\(not set\) → longitude -0\.1276, latitude 51\.5072$/m);
    expect(update.stdout).toMatch(/^ {2}User metadata: +\{\} → \{"n":1,"theme":"dark"\}$/m);

    // What the server stored, read with the typed client and the CLI's own token.
    const client = createProfileHubClient({ url: server.baseUrl, token: stored().accessToken });
    expect(await client.me.get.query()).toMatchObject({
      displayName: "Ada Lovelace",
      username: "ada.l",
      bio: "Analyst",
      birthdate: "1990-12-10",
      locale: "fr",
      location: { longitude: -0.1276, latitude: 51.5072 },
      userMetadata: { theme: "dark", n: 1 },
    });

    const second = await cli(["update", "--metadata", '{"n":null}', "--clear", "bio", "--json"]);
    expect(second.code).toBe(0);
    const { changes, user } = JSON.parse(second.stdout);
    expect(changes).toEqual({
      bio: { from: "Analyst", to: null },
      userMetadata: { from: { theme: "dark", n: 1 }, to: { theme: "dark" } },
    });
    expect(user).toMatchObject({ bio: null, userMetadata: { theme: "dark" } });

    const again = await cli(["update", "--display-name", "Ada Lovelace"]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("No change");
  });

  it("reports every invalid field with a non-zero exit, and changes nothing", async () => {
    const invalid = await cli([
      "update",
      "--username",
      "!!",
      "--birthdate",
      "1815-13-45",
      "--locale",
      "de",
      "--bio",
      "x",
    ]);
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toBe("");
    expect(invalid.stderr).toContain("profilehub: The server refused the request:");
    expect(invalid.stderr).toMatch(/^ {2}username: Username is too short/m);
    expect(invalid.stderr).toMatch(/^ {2}birthdate: Birthdate must be/m);
    expect(invalid.stderr).toMatch(/^ {2}locale: Locale must be one of: en, fr$/m);
    expect(invalid.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(JSON.parse((await cli(["me", "--json"])).stdout)).toMatchObject({ username: "ada.l", bio: null });

    const field = await cli(["update", "--display-name", " "]);
    expect(field.code).toBe(1);
    expect(field.stderr).toMatch(/^ {2}display-name: Display name cannot be empty/m);

    for (const args of [
      ["update"],
      ["update", "--clear", "email"],
      ["update", "--location", "1"],
      ["update", "--nope"],
    ]) {
      const usage = await cli(args);
      expect(usage.code, args.join(" ")).toBe(2);
      expect(usage.stderr).toContain("Run `profilehub update --help` for usage.");
    }
  });

  it("refreshes an expired access token with the refresh token and stores the new pair", async () => {
    const before = stored();
    const claims = JSON.parse(Buffer.from(before.accessToken.split(".")[1], "base64url").toString());
    const { authSecret } = JSON.parse(readFileSync(path.join(server.dataDir, "secrets.json"), "utf8"));
    const expired = await new AccessTokens(authSecret).sign(claims, Date.now() - 20 * 60_000);
    // The server itself refuses that token…
    const refused = await createProfileHubClient({ url: server.baseUrl, token: expired })
      .me.get.query()
      .then(() => "accepted")
      .catch((error: { data?: { httpStatus?: number } }) => error.data?.httpStatus);
    expect(refused).toBe(401);
    store({ ...before, accessToken: expired });

    // …so the CLI trades the refresh token for a new pair (rotation) and goes on.
    const me = await cli(["me"]);
    expect(me.stderr).toBe("");
    expect(me.code).toBe(0);
    expect(me.stdout).toMatch(/^Display name: +Ada Lovelace$/m);
    const after = stored();
    expect(after.accessToken).not.toBe(expired);
    expect(after.refreshToken).not.toBe(before.refreshToken);
    expect(statSync(configFile).mode & 0o777).toBe(0o600);

    // A token the server cannot read at all: the CLI refreshes once the server refuses it.
    store({ ...after, accessToken: "garbage" });
    const update = await cli(["update", "--first-name", "Ada"]);
    expect(update.stderr).toBe("");
    expect(update.code).toBe(0);
    expect(update.stdout).toMatch(/First name: +\(not set\) → Ada/);
    expect(stored().refreshToken).not.toBe(after.refreshToken);

    // An older spent refresh token (replayed; not the one just rotated) revokes the session: sign in again.
    store({ ...stored(), accessToken: "garbage", refreshToken: before.refreshToken });
    const replay = await cli(["me"]);
    expect(replay.code).toBe(3);
    expect(replay.stderr).toMatch(/^profilehub: Your session has ended: .*already used/m);
    expect(replay.stderr).toContain("Run `profilehub login` to sign in.");
  });

  it("logs out: the session is revoked and the credentials deleted; me then says to sign in", async () => {
    expect(
      (await cli(["login", "--url", server.baseUrl, "--email", "ada@example.com", "--password", "correct horse"])).code,
    ).toBe(0);
    const credentials = stored();

    const logout = await cli(["logout"]);
    expect(logout.stderr).toBe("");
    expect(logout.code).toBe(0);
    expect(logout.stdout).toContain(`Signed out of ${server.baseUrl}`);
    expect(existsSync(configFile)).toBe(false);

    const me = await cli(["me"]);
    expect(me.code).toBe(3);
    expect(me.stderr).toBe("profilehub: Not signed in.\nRun `profilehub login` to sign in.\n");

    // The revoked session's tokens stop working at once (a copy of the file is useless).
    store(credentials);
    const revoked = await cli(["me"]);
    expect(revoked.code).toBe(3);
    expect(revoked.stderr).toMatch(/^profilehub: Your session has ended: .*revoked/m);
    expect((await cli(["logout"])).code).toBe(0);
    expect(existsSync(configFile)).toBe(false);
    expect((await cli(["logout"])).stdout).toContain("Not signed in");
  });

  it("signs in with a 2FA recovery code given as --totp, once", async () => {
    const email = "grace@example.com";
    const args = ["--url", server.baseUrl, "--email", email, "--password", "correct horse"];
    expect((await cli(["signup", ...args])).code).toBe(0);
    const client = createProfileHubClient({ url: server.baseUrl, token: stored().accessToken });
    const { secretBase32 } = await client.me.totp.begin.mutate();
    const code = new TOTP({ secret: Secret.fromBase32(secretBase32) }).generate();
    const { recoveryCodes } = await client.me.totp.enable.mutate({ secretBase32, code });

    const first = await cli(["login", ...args, "--totp", recoveryCodes[0]!]);
    expect(first.stderr).toBe("");
    expect(first.stdout).toContain(`Signed in as ${email}`);
    const again = await cli(["login", ...args, "--totp", recoveryCodes[0]!]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/wrong or was already used/);
    const status = await createProfileHubClient({
      url: server.baseUrl,
      token: stored().accessToken,
    }).me.totp.recoveryCodes.status.query();
    expect(status).toEqual({ unused: 9, total: 10 });
  });

  it("says when the server cannot be reached", async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const { port } = probe.address() as { port: number };
    await new Promise<void>((resolve) => probe.close(() => resolve()));

    const login = await cli([
      "login",
      "--url",
      `http://127.0.0.1:${port}`,
      "--email",
      "a@example.com",
      "--password",
      "x",
    ]);
    expect(login.code).toBe(4);
    expect(login.stderr).toContain(`profilehub: Cannot reach ProfileHub at http://127.0.0.1:${port} (ECONNREFUSED).`);

    store({
      url: `http://127.0.0.1:${port}`,
      accessToken: "a",
      refreshToken: "r",
      user: { id: "x", email: "a@example.com", projectId: "default" },
    });
    const me = await cli(["me"]);
    expect(me.code).toBe(4);
    expect(me.stderr).toContain("Cannot reach ProfileHub");
  });
});
