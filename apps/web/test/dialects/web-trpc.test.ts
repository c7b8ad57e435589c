import { describe, expect, it } from "vitest";

import * as trpc from "@/app/api/trpc/[trpc]/route";

import { useDialectApp } from "./helpers/dialect-app";

// Serves the real router on a fresh database to the route handler under test.
useDialectApp();
const PAGE = { "x-profilehub-csrf": "1", origin: "http://localhost", "content-type": "application/json" };

async function post(procedure: string, body: unknown, headers: Record<string, string>) {
  const response = await trpc.POST(
    new Request(`http://localhost/api/trpc/${procedure}`, { method: "POST", headers, body: JSON.stringify(body) }),
  );
  return { status: response.status, cookie: response.headers.get("set-cookie"), json: await response.json() };
}
async function get(procedure: string, headers: Record<string, string>) {
  const response = await trpc.GET(new Request(`http://localhost/api/trpc/${procedure}`, { headers }));
  return { status: response.status, json: await response.json() };
}
const cookieOf = (setCookie: string | null) => /ph_session=([^;]*)/.exec(setCookie ?? "")?.[1] ?? null;

describe("the settings app's calls to /api/trpc (session cookie + CSRF header)", () => {
  it("signs up into an httpOnly, SameSite cookie, then reads the account with it", async () => {
    const signUp = await post("web.signUp", { email: "page@example.com", password: "correct horse" }, PAGE);
    expect(signUp.status).toBe(200);
    expect(signUp.cookie).toMatch(
      /^ph_session=[0-9a-f-]{36}\.[\w-]+; Path=\/; HttpOnly; SameSite=Lax; Max-Age=2592000$/,
    );
    expect(JSON.stringify(signUp.json)).not.toContain(cookieOf(signUp.cookie)!.split(".")[1]);
    const me = await get("me.get", { ...PAGE, cookie: `ph_session=${cookieOf(signUp.cookie)}` });
    expect([me.status, me.json.result.data.email]).toEqual([200, "page@example.com"]);
  });

  it("refuses the cookie without the CSRF header, or from another origin", async () => {
    const signUp = await post("web.signUp", { email: "csrf@example.com", password: "correct horse" }, PAGE);
    const cookie = `ph_session=${cookieOf(signUp.cookie)}`;
    const noHeader = await post("me.update", { displayName: "pwned" }, { cookie, "content-type": "application/json" });
    expect([noHeader.status, noHeader.json.error.data.reason]).toEqual([403, "csrf_failed"]);
    const foreign = await post(
      "me.update",
      { displayName: "pwned" },
      { ...PAGE, origin: "https://evil.example", cookie },
    );
    expect(foreign.status).toBe(403);
    const me = await get("me.get", { ...PAGE, cookie });
    expect(me.json.result.data.displayName).toBeNull();
  });

  it("API clients (bearer, no CSRF header) cannot open browser sessions", async () => {
    const signIn = await post(
      "web.signIn",
      { email: "x@example.com", password: "whatever1" },
      { "content-type": "application/json" },
    );
    expect([signIn.status, signIn.json.error.data.reason, signIn.cookie]).toEqual([403, "forbidden", null]);
  });

  it("signs out: the session is revoked and the cookie cleared", async () => {
    const signUp = await post("web.signUp", { email: "bye@example.com", password: "correct horse" }, PAGE);
    const cookie = `ph_session=${cookieOf(signUp.cookie)}`;
    const out = await post("auth.signOut", {}, { ...PAGE, cookie });
    expect(out.status).toBe(200);
    expect(out.cookie).toMatch(/^ph_session=; Path=\/; HttpOnly; SameSite=Lax; Max-Age=0/);
    expect((await get("me.get", { ...PAGE, cookie })).status).toBe(401);
  });
});
