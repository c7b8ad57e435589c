// The client against a fake `fetch`: what goes on the wire, and how errors come back. No server.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

import { createProfileHubClient, ProfileHubError, refreshTokens, signIn, signOut } from "../src";

interface Sent {
  url: string;
  method: string;
  headers: Headers;
  body: string | null;
}

/** A `fetch` that records requests and answers with `reply`. */
function fakeFetch(reply: (sent: Sent) => Response | Promise<Response>) {
  const sent: Sent[] = [];
  const fetch = async (input: Parameters<typeof globalThis.fetch>[0], init?: RequestInit) => {
    const request = new Request(input, init);
    const entry = {
      url: request.url,
      method: request.method,
      headers: request.headers,
      body: init?.body ? await request.text() : null,
    };
    sent.push(entry);
    return reply(entry);
  };
  return { fetch, sent };
}

const user = { id: "u1", email: "ada@example.com", displayName: "Ada" };
const tokens = { user, accessToken: "access-2", refreshToken: "refresh-2", expiresIn: 900 };

describe("createProfileHubClient", () => {
  it("calls /api/trpc with the bearer token, the extra headers and batching", async () => {
    const { fetch, sent } = fakeFetch(() => Response.json([{ result: { data: user } }]));
    let token = "access-1";
    const client = createProfileHubClient({
      url: "http://example.test:3000/",
      getToken: () => token,
      headers: { "user-agent": "test-agent" },
      fetch,
    });
    await expect(client.me.get.query()).resolves.toEqual(user);
    expect(sent[0]!.url).toMatch(/^http:\/\/example\.test:3000\/api\/trpc\/me\.get\?batch=1/);
    expect(sent[0]!.method).toBe("GET");
    expect(sent[0]!.headers.get("authorization")).toBe("Bearer access-1");
    expect(sent[0]!.headers.get("user-agent")).toBe("test-agent");

    token = "access-2";
    await client.me.update.mutate({ displayName: "Ada" });
    expect(sent[1]!.url).toMatch(/\/api\/trpc\/me\.update\?batch=1$/);
    expect(sent[1]!.method).toBe("POST");
    expect(sent[1]!.headers.get("authorization")).toBe("Bearer access-2");
    expect(JSON.parse(sent[1]!.body!)).toEqual({ 0: { displayName: "Ada" } });
  });

  it("sends no Authorization without a token, and x-api-key with a server key", async () => {
    const { fetch, sent } = fakeFetch(() => Response.json([{ result: { data: user } }]));
    await createProfileHubClient({ url: "http://example.test", fetch }).me.get.query();
    expect(sent[0]!.headers.has("authorization")).toBe(false);
    await createProfileHubClient({ url: "http://example.test", serverKey: "phk_x", fetch }).me.get.query();
    expect(sent[1]!.headers.get("x-api-key")).toBe("phk_x");
  });

  it("turns a tRPC error into a ProfileHubError with the server's reason and issues", async () => {
    const issues = [
      { path: "username", message: "Username is too short" },
      { path: "locale", message: "Locale must be one of: en, fr" },
    ];
    const { fetch } = fakeFetch(() =>
      Response.json(
        [
          {
            error: {
              message: "2 fields are invalid",
              code: -32600,
              data: { code: "BAD_REQUEST", httpStatus: 400, path: "me.update", reason: "validation", issues },
            },
          },
        ],
        { status: 400 },
      ),
    );
    const client = createProfileHubClient({ url: "http://example.test", token: "t", fetch });
    const error = await client.me.update.mutate({ username: "a" }).catch((e: unknown) => ProfileHubError.from(e));
    expect(error).toBeInstanceOf(ProfileHubError);
    expect(error).toMatchObject({
      code: "validation",
      status: 400,
      path: "me.update",
      message: "2 fields are invalid",
      issues,
    });
    expect((error as ProfileHubError).isAuthError).toBe(false);
  });

  it("reports an unreachable server and a non-ProfileHub answer", async () => {
    const down = createProfileHubClient({ url: "http://127.0.0.1:9", token: "t" });
    const network = ProfileHubError.from(await down.me.get.query().catch((e: unknown) => e));
    expect(network).toMatchObject({ code: "network", status: null });
    expect(network.message).toMatch(/Cannot reach the server/);

    const { fetch } = fakeFetch(() => new Response("<html>Bad gateway</html>", { status: 502 }));
    const proxy = createProfileHubClient({ url: "http://example.test", token: "t", fetch });
    const bad = ProfileHubError.from(await proxy.me.get.query().catch((e: unknown) => e));
    expect(bad).toMatchObject({ code: "bad_response", status: 502 });
  });
});

describe("REST auth helpers", () => {
  it("signIn posts the password grant and returns the tokens", async () => {
    const { fetch, sent } = fakeFetch(() => Response.json(tokens));
    await expect(
      signIn({ url: "http://example.test/", email: "ada@example.com", password: "pw", projectId: "p1", fetch }),
    ).resolves.toEqual(tokens);
    expect(sent[0]!.url).toBe("http://example.test/api/auth/token");
    expect(JSON.parse(sent[0]!.body!)).toEqual({
      grant_type: "password",
      email: "ada@example.com",
      password: "pw",
      projectId: "p1",
    });
  });

  it("refreshTokens posts the refresh grant; signOut sends the bearer token", async () => {
    const { fetch, sent } = fakeFetch((request) =>
      request.url.endsWith("/logout") ? new Response(null, { status: 204 }) : Response.json(tokens),
    );
    await refreshTokens({ url: "http://example.test", refreshToken: "refresh-1", fetch });
    expect(JSON.parse(sent[0]!.body!)).toEqual({ grant_type: "refresh_token", refresh_token: "refresh-1" });
    await expect(signOut({ url: "http://example.test", accessToken: "access-1", fetch })).resolves.toBeUndefined();
    expect(sent[1]!.url).toBe("http://example.test/api/auth/logout");
    expect(sent[1]!.headers.get("authorization")).toBe("Bearer access-1");
  });

  it("throws the server's {error: {code, message, issues}} as a ProfileHubError", async () => {
    const { fetch } = fakeFetch(() =>
      Response.json(
        { error: { code: "invalid_grant", message: "Refresh token was already used", issues: [] } },
        { status: 401 },
      ),
    );
    const error = await refreshTokens({ url: "http://example.test", refreshToken: "old", fetch }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ProfileHubError);
    expect(error).toMatchObject({ code: "invalid_grant", status: 401, message: "Refresh token was already used" });
    expect((error as ProfileHubError).isAuthError).toBe(true);
  });

  it("reports an unreachable server", async () => {
    const error = await signIn({ url: "http://127.0.0.1:9", email: "a@b.c", password: "x" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "network" });
  });
});

describe("package boundaries", () => {
  it("loads no server code: @profilehub/api is imported for its types, and its version constants", () => {
    const dir = fileURLToPath(new URL("../src/", import.meta.url));
    for (const file of readdirSync(dir)) {
      const source = readFileSync(path.join(dir, file), "utf8");
      const runtimeImports = [...source.matchAll(/^(?:import|export) (?!type )[^;]*from "(@profilehub\/[^"]*)"/gm)];
      const allowed = file === "version.ts" ? ["@profilehub/api/version"] : [];
      expect(
        runtimeImports.map((match) => match[1]),
        file,
      ).toEqual(allowed);
    }
    // The version module imports nothing: the published client inlines it.
    const versionModule = readFileSync(fileURLToPath(new URL("../../api/src/api-version.ts", import.meta.url)), "utf8");
    expect(versionModule).not.toMatch(/^import /m);
  });
});
