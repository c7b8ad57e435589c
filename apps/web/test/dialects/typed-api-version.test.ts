import { API_VERSION, MIN_CLIENT_API_VERSION } from "@profilehub/api";
import { CLIENT_API_VERSION, createProfileHubClient, ProfileHubError } from "@profilehub/client";
import { describe, expect, it } from "vitest";

import * as trpc from "@/app/api/trpc/[trpc]/route";

import { useDialectApp } from "./helpers/dialect-app";

// The typed API's version handshake and CORS, on the real route handler and router.
const app = useDialectApp();

/** The real client, its requests handed to the route handler (as Next.js would). */
function routeFetch(rewrite: (headers: Headers) => void = () => {}) {
  return (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    const request = new Request(input, init);
    rewrite(request.headers);
    return request.method === "POST" ? trpc.POST(request) : trpc.GET(request);
  };
}

describe("/api/trpc version handshake", () => {
  it("serves the client's version and names its own on every answer", async () => {
    const user = await app.signUp();
    let answered: Headers | null = null;
    const fetch = routeFetch();
    const client = createProfileHubClient({
      url: "http://localhost",
      token: user.accessToken,
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        answered = response.headers;
        return response;
      },
    });
    expect(CLIENT_API_VERSION).toBe(API_VERSION);
    await expect(client.me.get.query()).resolves.toMatchObject({ email: user.email });
    expect(answered!.get("x-profilehub-api-version")).toBe(String(API_VERSION));
    expect(answered!.get("x-profilehub-min-api-version")).toBe(String(MIN_CLIENT_API_VERSION));
  });

  it("refuses a client older than the minimum with client_outdated (412), naming both versions", async () => {
    const user = await app.signUp();
    const old = String(MIN_CLIENT_API_VERSION - 1);
    const client = createProfileHubClient({
      url: "http://localhost",
      token: user.accessToken,
      fetch: routeFetch((headers) => headers.set("x-profilehub-api-version", old)),
    });
    const failure = ProfileHubError.from(
      await client.me.update.mutate({ displayName: "Old" }).catch((e: unknown) => e),
    );
    expect(failure).toMatchObject({ code: "client_outdated", status: 412, path: "me.update" });
    expect(failure.message).toBe(
      `This client speaks ProfileHub API version ${old}; this server (API version ${API_VERSION}) needs version ` +
        `${MIN_CLIENT_API_VERSION} or newer: update @profilehub/client (or the profilehub CLI)`,
    );
    // Nothing was written.
    await expect((await user.as()).me.get()).resolves.toMatchObject({ displayName: null });
  });

  it("refuses an unreadable version; serves callers that send none (curl, the settings app)", async () => {
    const user = await app.signUp();
    const garbled = await trpc.GET(
      new Request("http://localhost/api/trpc/me.get", {
        headers: { authorization: `Bearer ${user.accessToken}`, "x-profilehub-api-version": "v1.0-beta" },
      }),
    );
    const body = await garbled.json();
    expect([garbled.status, body.error.data.reason]).toEqual([412, "client_outdated"]);
    expect(body.error.message).toContain('an unreadable API version ("v1.0-beta")');

    const plain = await trpc.GET(
      new Request("http://localhost/api/trpc/me.get", { headers: { authorization: `Bearer ${user.accessToken}` } }),
    );
    expect(plain.status).toBe(200);
    expect(plain.headers.get("x-profilehub-api-version")).toBe(String(API_VERSION));
  });
});

describe("/api/trpc CORS", () => {
  it("lets pages of any origin call with a bearer token and read the version, never with cookies", async () => {
    const preflight = await trpc.OPTIONS();
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect(preflight.headers.get("access-control-allow-credentials")).toBeNull();
    const allowed = preflight.headers.get("access-control-allow-headers")!.split(", ");
    expect(allowed).toEqual(expect.arrayContaining(["authorization", "content-type", "x-profilehub-api-version"]));
    expect(allowed).not.toContain("x-profilehub-csrf");
    expect(preflight.headers.get("access-control-expose-headers")).toContain("x-profilehub-min-api-version");

    const answer = await trpc.GET(
      new Request("http://localhost/api/trpc/me.get", { headers: { origin: "https://app.example" } }),
    );
    expect(answer.status).toBe(401);
    expect(answer.headers.get("access-control-allow-origin")).toBe("*");
  });
});
