import type { Page, Request } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";

import { http } from "../e2e/running-server";
import { newPage, PASSWORD, uniqueEmail, useBrowserSuite } from "./helpers";
import { bundlePage, removeBundle, type SecondOrigin, serveSecondOrigin } from "./second-origin";

const ROUTE = "/[projectId]/users/[userId]";
/**
 * The SDK's start-up calls its cloud (project data, token refresh: hard-wired to api.replyke.com);
 * the browser resolves that name to nothing, so the test stays offline whatever the network.
 */
const NO_REPLYKE_CLOUD = ["--host-resolver-rules=MAP api.replyke.com ~NOTFOUND"];
let folder: string | undefined;
const sites: { listed?: SecondOrigin; unlisted?: SecondOrigin } = {};

/**
 * Replyke's real SDK (@replyke/core 6.0.4, dialect B), in a tiny React app bundled for the browser
 * (esbuild, at test time; sdk-pages/replyke.tsx) and run unchanged in Chromium on another origin
 * than ProfileHub. It always sends `credentials: "include"`: only an origin listed in CORS_ORIGINS
 * may call with it; the browser blocks the others. Nothing is intercepted or rewritten.
 */
const suite = useBrowserSuite(async () => {
  folder = await bundlePage("replyke.tsx");
  sites.listed = await serveSecondOrigin(folder);
  sites.unlisted = await serveSecondOrigin(folder);
  return { CORS_ORIGINS: sites.listed.origin };
}, NO_REPLYKE_CLOUD);

afterAll(async () => {
  await sites.listed?.close();
  await sites.unlisted?.close();
  removeBundle(folder);
});

/** A ProfileHub account of the default project, signed up through the API. */
async function account(label: string) {
  const signUp = await http(suite.server.baseUrl)("POST", "/api/auth/signup", {
    body: { email: uniqueEmail(label), password: PASSWORD },
  });
  expect(signUp.status).toBe(201);
  return signUp.json as { accessToken: string; user: { id: string } };
}

/** The user as dialect B reads it back (the SDK's own server shape). */
async function stored(accessToken: string, userId: string) {
  const read = await http(suite.server.baseUrl)("GET", `/default/users/${userId}`, { token: accessToken });
  expect(read.status).toBe(200);
  return read.json;
}

/** Opens the React app on `site` (the SDK pointed at ProfileHub), signed in as `user`. */
async function openApp(site: SecondOrigin, accessToken: string, userId: string) {
  const opened = await newPage(suite, { baseURL: site.origin });
  const { page } = opened;
  // The app's build setting the SDK reads for its API base URL (see sdk-pages/replyke.tsx).
  await page.addInitScript((apiBaseUrl) => {
    Object.assign(globalThis, { __vite_env: { MODE: "production", VITE_API_BASE_URL: apiBaseUrl } });
  }, suite.server.baseUrl);
  await page.goto("/");
  await page.waitForFunction(() =>
    (globalThis as unknown as { replykeInitialized?: () => boolean }).replykeInitialized?.(),
  );
  await page.evaluate(
    ({ token, id }) =>
      (globalThis as unknown as { replykeSignedIn(token: string, user: { id: string }): void }).replykeSignedIn(token, {
        id,
      }),
    { token: accessToken, id: userId },
  );
  await page.locator("#user").getByText(userId).waitFor();
  return opened;
}

/** In the page: the SDK's `useUser().updateUser(update)`; what it resolved with, or its failure. */
function updateUser(page: Page, update: Record<string, unknown>) {
  return page.evaluate(async (update) => {
    const { replykeUpdateUser } = globalThis as unknown as { replykeUpdateUser: (update: object) => Promise<unknown> };
    try {
      return { ok: true, result: await replykeUpdateUser(update) };
    } catch (error) {
      return { ok: false, error: JSON.parse(JSON.stringify(error)) as unknown };
    }
  }, update);
}

const patches = () =>
  suite.server.logLines().filter((line) => line.msg === "request" && line.method === "PATCH" && line.route === ROUTE);

describe("Replyke's SDK in Chromium, on a second origin", () => {
  it("useUser().updateUser from a listed origin: credentialed, stored", async () => {
    const { accessToken, user } = await account("replyke-listed");
    const { page, context, errors } = await openApp(sites.listed!, accessToken, user.id);
    const sent: Request[] = [];
    page.on("request", (request) => {
      if (request.method() === "PATCH") sent.push(request);
    });
    const failed: string[] = [];
    page.on("requestfailed", (request) => failed.push(new URL(request.url()).origin));

    const answer = await updateUser(page, {
      name: "Ada Replyke",
      bio: "From the browser",
      metadata: { theme: "dark" },
    });
    expect(answer).toMatchObject({
      ok: true,
      result: { id: user.id, name: "Ada Replyke", bio: "From the browser", metadata: { theme: "dark" } },
    });
    expect(await stored(accessToken, user.id)).toMatchObject({
      id: user.id,
      name: "Ada Replyke",
      bio: "From the browser",
      metadata: { theme: "dark" },
    });
    // The SDK's own request: to ProfileHub's dialect B, bearer token, from the page's origin; the
    // answer lets this origin read it with credentials.
    expect(sent.map((request) => request.url())).toEqual([`${suite.server.baseUrl}/default/users/${user.id}`]);
    const request = sent[0]!;
    expect(await request.headerValue("origin")).toBe(sites.listed!.origin);
    expect(await request.headerValue("authorization")).toBe(`Bearer ${accessToken}`);
    const response = (await request.response())!;
    expect(await response.headerValue("access-control-allow-origin")).toBe(sites.listed!.origin);
    expect(await response.headerValue("access-control-allow-credentials")).toBe("true");
    expect(await response.headerValue("vary")).toContain("Origin");
    expect(await page.locator("#user").textContent()).toBe(user.id);
    expect(failed.filter((origin) => origin !== "https://api.replyke.com")).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("from an origin not in CORS_ORIGINS the browser blocks the credentialed request: nothing written", async () => {
    const { accessToken, user } = await account("replyke-unlisted");
    const { page, context } = await openApp(sites.unlisted!, accessToken, user.id);
    const blocked: string[] = [];
    page.on("requestfailed", (request) => blocked.push(`${request.method()} ${request.url()}`));
    const patchesBefore = patches().length;

    const answer = await updateUser(page, { name: "Mallory" });
    expect(answer).toMatchObject({ ok: false, error: { status: "FETCH_ERROR" } });
    expect(blocked).toContain(`PATCH ${suite.server.baseUrl}/default/users/${user.id}`);
    // The preflight was answered without credentials, so the PATCH never reached the server.
    expect(patches().length).toBe(patchesBefore);
    expect((await stored(accessToken, user.id)).name).not.toBe("Mallory");
    await context.close();
  });
});
