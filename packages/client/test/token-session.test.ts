// Token refresh (the session and the client's refresh link) and the version header, against a
// fake `fetch` that plays the server's documented answers. The real server: outside-app tests.
import { describe, expect, it } from "vitest";

import {
  CLIENT_API_VERSION,
  createProfileHubClient,
  createTokenSession,
  ProfileHubError,
  type SessionTokens,
} from "../src";

const user = { id: "u1", email: "ada@example.com", displayName: "Ada" };
const jwt = (exp: number) =>
  ["{}", JSON.stringify({ sub: "u1", exp })].map((part) => Buffer.from(part).toString("base64url")).join(".") + ".sig";

const trpcError = (reason: string, httpStatus: number) => ({
  error: { message: reason, code: -32001, data: { code: "UNAUTHORIZED", httpStatus, reason, issues: [] } },
});

/** A server whose valid access token is `valid`; `/api/auth/token` answers with `refresh()`. */
function fakeServer(valid: string, refresh: () => Response) {
  const seen = { refreshes: 0, calls: [] as { path: string; token: string | null; version: string | null }[] };
  const fetch = (input: Parameters<typeof globalThis.fetch>[0], init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    if (url.pathname === "/api/auth/token") {
      seen.refreshes += 1;
      return Promise.resolve(refresh());
    }
    const paths = url.pathname.replace("/api/trpc/", "").split(",");
    const token = request.headers.get("authorization")?.replace("Bearer ", "") ?? null;
    seen.calls.push(
      ...paths.map((path) => ({ path, token, version: request.headers.get("x-profilehub-api-version") })),
    );
    const answer =
      token === valid
        ? Response.json(paths.map(() => ({ result: { data: user } })))
        : Response.json(
            paths.map(() => trpcError("token_expired", 401)),
            { status: 401 },
          );
    return Promise.resolve(answer);
  };
  return { fetch, seen };
}

const renewed = (accessToken: string) =>
  Response.json({ user, accessToken, refreshToken: `refresh-of-${accessToken}`, expiresIn: 900 });

describe("a client with a token session", () => {
  it("refreshes once for every call refused at the same time, retries them, and stores the new pair", async () => {
    const { fetch, seen } = fakeServer("access-2", () => renewed("access-2"));
    const stored: (SessionTokens | null)[] = [];
    const session = createTokenSession({
      url: "http://example.test",
      tokens: { accessToken: "access-1", refreshToken: "refresh-1" },
      fetch,
      onChange: (tokens) => stored.push(tokens),
    });
    const client = createProfileHubClient({ url: "http://example.test", session, fetch });

    const results = await Promise.all([client.me.get.query(), client.sessions.list.query(), client.me.get.query()]);
    expect(results).toEqual([user, user, user]);
    expect(seen.refreshes).toBe(1);
    expect(stored).toEqual([{ accessToken: "access-2", refreshToken: "refresh-of-access-2" }]);
    expect(
      seen.calls
        .filter((call) => call.token === "access-2")
        .map((call) => call.path)
        .sort(),
    ).toEqual(["me.get", "me.get", "sessions.list"]);

    // Later calls use the new token directly.
    await client.me.get.query();
    expect(seen.calls.at(-1)).toMatchObject({ token: "access-2" });
    expect(seen.refreshes).toBe(1);
  });

  it("refreshes before the call when the access token is about to expire", async () => {
    const soon = jwt(Math.floor(Date.now() / 1000) + 10);
    const { fetch, seen } = fakeServer("fresh", () => renewed("fresh"));
    const session = createTokenSession({
      url: "http://example.test",
      tokens: { accessToken: soon, refreshToken: "r" },
      fetch,
    });
    await createProfileHubClient({ url: "http://example.test", session, fetch }).me.get.query();
    expect(seen.refreshes).toBe(1);
    expect(seen.calls.map((call) => call.token)).toEqual(["fresh"]);
  });

  it("fails the calls with invalid_grant and ends the session when the refresh is refused", async () => {
    const refused = () =>
      Response.json(
        { error: { code: "invalid_grant", message: "Refresh token was already used", issues: [] } },
        { status: 401 },
      );
    const { fetch, seen } = fakeServer("never", refused);
    const stored: (SessionTokens | null)[] = [];
    const session = createTokenSession({
      url: "http://example.test",
      tokens: { accessToken: "access-1", refreshToken: "spent" },
      fetch,
      onChange: (tokens) => stored.push(tokens),
    });
    const client = createProfileHubClient({ url: "http://example.test", session, fetch });
    const failures = await Promise.all(
      [client.me.get.query(), client.sessions.list.query()].map((call) =>
        call.then(
          () => null,
          (error: unknown) => ProfileHubError.from(error),
        ),
      ),
    );
    expect(failures.map((failure) => [failure?.code, failure?.isAuthError])).toEqual([
      ["invalid_grant", true],
      ["invalid_grant", true],
    ]);
    expect(seen.refreshes).toBe(1);
    expect(session.tokens).toBeNull();
    expect(stored).toEqual([null]);
  });

  it("gives up after one retry when the new token is refused too", async () => {
    const { fetch, seen } = fakeServer("never", () => renewed("also-refused"));
    const session = createTokenSession({
      url: "http://example.test",
      tokens: { accessToken: "a", refreshToken: "r" },
      fetch,
    });
    const client = createProfileHubClient({ url: "http://example.test", session, fetch });
    const failure = await client.me.get.query().catch((error: unknown) => ProfileHubError.from(error));
    expect(failure).toMatchObject({ code: "token_expired" });
    expect(seen.refreshes).toBe(1);
    expect(seen.calls.map((call) => call.token)).toEqual(["a", "also-refused"]);
  });
});

describe("the version handshake", () => {
  it("sends the client's API version with every typed call", async () => {
    const { fetch, seen } = fakeServer("t", () => renewed("t"));
    await createProfileHubClient({ url: "http://example.test", token: "t", fetch }).me.get.query();
    expect(CLIENT_API_VERSION).toBeGreaterThanOrEqual(1);
    expect(seen.calls[0]!.version).toBe(String(CLIENT_API_VERSION));
  });

  it("reports a server's refusal of an old client as client_outdated", async () => {
    const message = "This client speaks ProfileHub API version 1; this server (API version 3) needs version 2 or newer";
    const fetch = () =>
      Promise.resolve(
        Response.json(
          [
            {
              error: {
                message,
                code: -32012,
                data: { code: "PRECONDITION_FAILED", httpStatus: 412, reason: "client_outdated", issues: [] },
              },
            },
          ],
          { status: 412 },
        ),
      );
    const client = createProfileHubClient({ url: "http://example.test", token: "t", fetch });
    const failure = await client.me.get.query().catch((error: unknown) => ProfileHubError.from(error));
    expect(failure).toMatchObject({ code: "client_outdated", status: 412, message });
  });
});
