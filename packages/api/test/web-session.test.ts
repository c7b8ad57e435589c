import { describe, expect, it } from "vitest";

import { createCaller, createRequestContext, type SessionCookieWriter } from "../src/index";
import { failure } from "./helpers/errors";
import { useTestApp } from "./helpers/test-app";

const app = useTestApp();

/** A cookie jar standing in for the browser: what the door would put in Set-Cookie. */
function jar() {
  const state: { value: string | null; maxAge: number | null } = { value: null, maxAge: null };
  const writer: SessionCookieWriter = {
    set: (value, maxAge) => Object.assign(state, { value, maxAge }),
    clear: () => Object.assign(state, { value: "", maxAge: 0 }),
  };
  return { state, writer };
}

const browser = async (cookie: string | null, writer?: SessionCookieWriter) =>
  createCaller(
    await createRequestContext(app.services, { door: "web", webSessionCookie: cookie, sessionCookie: writer ?? null }),
  );

describe("browser sessions (httpOnly cookie)", () => {
  it("sign-up and sign-in set a session cookie the page never sees; it authenticates later requests", async () => {
    const cookies = jar();
    const user = await (
      await browser(null, cookies.writer)
    ).web.signUp({ email: "web@example.com", password: "correct horse" });
    expect(JSON.stringify(user)).not.toContain(cookies.state.value!.split(".")[1]!);
    expect(cookies.state.value).toMatch(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/);
    expect(cookies.state.maxAge).toBe(30 * 24 * 3600);
    expect((await (await browser(cookies.state.value)).me.get()).email).toBe("web@example.com");

    const again = jar();
    await (await browser(null, again.writer)).web.signIn({ email: "web@example.com", password: "correct horse" });
    expect(again.state.value).not.toBe(cookies.state.value);
    const sessions = await (await browser(again.state.value)).sessions.list();
    expect(sessions).toHaveLength(2);
  });

  it("sign-out revokes the session and clears the cookie", async () => {
    const cookies = jar();
    await (await browser(null, cookies.writer)).web.signUp({ email: "out@example.com", password: "correct horse" });
    const session = cookies.state.value!;
    await (await browser(session, cookies.writer)).auth.signOut();
    expect(cookies.state).toEqual({ value: "", maxAge: 0 });
    expect((await failure((await browser(session)).me.get())).reason).toBe("token_invalid");
  });

  it("refuses forged or tampered cookies, and doors without cookies cannot hold a browser session", async () => {
    const cookies = jar();
    await (await browser(null, cookies.writer)).web.signUp({ email: "forge@example.com", password: "correct horse" });
    const [id] = cookies.state.value!.split(".");
    for (const forged of [`${id}.${"A".repeat(43)}`, "garbage", `${id}`]) {
      expect((await failure((await browser(forged)).me.get())).reason).toBe("token_invalid");
    }
    const api = app.anonymous("trpc");
    expect((await failure(api.web.signIn({ email: "forge@example.com", password: "correct horse" }))).reason).toBe(
      "forbidden",
    );
  });
});
