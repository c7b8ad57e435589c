import type { Page, Request } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";

import { http } from "../e2e/running-server";
import { newPage, PASSWORD, uniqueEmail, useBrowserSuite } from "./helpers";
import { bundlePage, removeBundle, type SecondOrigin, serveSecondOrigin } from "./second-origin";

/** The UUID the default project answers to (printed at start-up, in the README). */
const PROJECT_ID = "f7ae08d3-a03c-4e12-85e4-d72dd343f0df";

/** Each SDK version (its page: sdk-pages/stack-<version>.ts) and the header generation it sends. */
const VERSIONS = { "2.8.108": "x-hexclave", "2.8.102": "x-stack" } as const;
type Version = keyof typeof VERSIONS;

/**
 * Each version from an origin listed in CORS_ORIGINS and from one that is not: the SDK sends
 * `credentials: "omit"`, so both may call (reflected with credentials, or `*` without).
 */
const CASES = (Object.keys(VERSIONS) as Version[]).flatMap((version) => [
  { version, listed: true, tokenStore: "memory" },
  { version, listed: false, tokenStore: "cookie" },
]);

const bundles: string[] = [];
const sites = new Map<string, SecondOrigin>();
const siteOf = (version: Version, listed: boolean) => sites.get(`${version} ${listed}`)!;

/**
 * Stack Auth's real SDK, bundled for the browser (esbuild, at test time) and run unchanged in
 * Chromium by a page on another origin and site (`http://localhost:<port>`) than ProfileHub
 * (`http://127.0.0.1:<port>`): only its `baseUrl` points at ProfileHub, nothing is intercepted or
 * rewritten.
 */
const suite = useBrowserSuite(async () => {
  for (const version of Object.keys(VERSIONS) as Version[]) {
    const folder = await bundlePage(`stack-${version}.ts`);
    bundles.push(folder);
    for (const listed of [true, false]) sites.set(`${version} ${listed}`, await serveSecondOrigin(folder));
  }
  const listed = (Object.keys(VERSIONS) as Version[]).map((version) => siteOf(version, true).origin);
  return { CORS_ORIGINS: listed.join(",") };
});

afterAll(async () => {
  for (const site of sites.values()) await site.close();
  for (const folder of bundles) removeBundle(folder);
});

interface SeenInPage {
  id: string;
  primaryEmail: string | null;
  displayName: string | null;
  clientMetadata: unknown;
}

/** In the page: the SDK signs in with the password, reads the user, updates it and reads it again. */
function signInAndUpdate(page: Page, args: { baseUrl: string; email: string; password: string; tokenStore: string }) {
  return page.evaluate(
    async ({ baseUrl, email, password, tokenStore, projectId }): Promise<SeenInPage> => {
      type User = SeenInPage & { update(update: Record<string, unknown>): Promise<void> };
      type App = {
        signInWithCredential(options: object): Promise<{ status: string; error?: { message: string } }>;
        getUser(options: { or: "throw" }): Promise<User>;
      };
      const { StackClientApp } = globalThis as unknown as { StackClientApp: new (options: object) => App };
      const app = new StackClientApp({ baseUrl, projectId, publishableClientKey: "pck_browser_page", tokenStore });
      const signedIn = await app.signInWithCredential({ email, password, noRedirect: true });
      if (signedIn.status !== "ok") throw new Error(`sign-in failed: ${signedIn.error?.message}`);
      const user = await app.getUser({ or: "throw" });
      await user.update({ displayName: "Browser Stack", clientMetadata: { theme: "dark", seenFrom: location.origin } });
      const after = await app.getUser({ or: "throw" });
      return {
        id: after.id,
        primaryEmail: after.primaryEmail,
        displayName: after.displayName,
        clientMetadata: after.clientMetadata,
      };
    },
    { ...args, projectId: PROJECT_ID },
  );
}

/** CORS preflights of the current-user route that the server answered with 204. */
const answeredPreflights = (lines: Record<string, any>[]) =>
  lines.filter(
    (line) =>
      line.msg === "request" && line.method === "OPTIONS" && line.route === "/api/v1/users/me" && line.status === 204,
  ).length;

describe("Stack Auth's SDK in Chromium, on a second origin", () => {
  for (const { version, listed, tokenStore } of CASES) {
    const headers = VERSIONS[version];
    const where = listed ? "a listed origin" : "an origin not in CORS_ORIGINS";
    it(`@stackframe/js ${version} from ${where} (tokenStore ${tokenStore}): signInWithCredential, getUser, update`, async () => {
      const call = http(suite.server.baseUrl);
      const email = uniqueEmail(`stack-${version}`);
      const signUp = await call("POST", "/api/auth/signup", { body: { email, password: PASSWORD } });
      expect(signUp.status).toBe(201);
      const { accessToken, user: created } = signUp.json as { accessToken: string; user: { id: string } };

      const preflightsBefore = answeredPreflights(suite.server.logLines());
      const site = siteOf(version, listed);
      const { page, context, errors } = await newPage(suite, { baseURL: site.origin });
      const sent: Request[] = [];
      page.on("request", (request) => {
        if (request.url().startsWith(suite.server.baseUrl)) sent.push(request);
      });
      const failed: string[] = [];
      page.on("requestfailed", (request) => failed.push(`${request.method()} ${request.url()}`));
      await page.goto("/");
      await page.waitForFunction(() => "StackClientApp" in globalThis);
      expect(await page.evaluate(() => location.origin)).toBe(site.origin);

      const seen = await signInAndUpdate(page, {
        baseUrl: suite.server.baseUrl,
        email,
        password: PASSWORD,
        tokenStore,
      });
      expect(seen).toEqual({
        id: created.id,
        primaryEmail: email,
        displayName: "Browser Stack",
        clientMetadata: { theme: "dark", seenFrom: site.origin },
      });

      // Stored: read back through the API, with the token of the sign-up (not the page's).
      const me = await call("GET", "/api/trpc/me.get", { token: accessToken });
      expect(me.json.result.data).toMatchObject({
        id: created.id,
        displayName: "Browser Stack",
        userMetadata: { theme: "dark", seenFrom: site.origin },
      });

      // The page's requests were the SDK's own, of its header generation, cross-origin (preflighted).
      const written = sent.filter((request) => request.method() === "PATCH");
      expect(written.map((request) => new URL(request.url()).pathname)).toEqual(["/api/v1/users/me"]);
      const writeHeaders = await written[0]!.allHeaders();
      expect(writeHeaders).toMatchObject({
        origin: site.origin,
        [`${headers}-access-type`]: "client",
        [`${headers}-project-id`]: PROJECT_ID,
      });
      expect(writeHeaders[`${headers}-client-version`]).toContain(version);
      const answer = await (await written[0]!.response())!.allHeaders();
      expect(answer["access-control-allow-origin"]).toBe(listed ? site.origin : "*");
      expect(answer["access-control-allow-credentials"]).toBe(listed ? "true" : undefined);
      expect(answeredPreflights(suite.server.logLines())).toBeGreaterThan(preflightsBefore);
      // tokenStore "cookie": the SDK keeps its tokens in the page origin's cookies (not ProfileHub's).
      const cookies = (await context.cookies(site.origin)).map((cookie) => cookie.name);
      if (tokenStore === "cookie") expect(cookies.some((name) => name.includes("refresh"))).toBe(true);
      else expect(cookies).toEqual([]);
      expect(failed).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
