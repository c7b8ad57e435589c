// The client and the CLI as another app gets them: packed, installed from their tarballs into an
// app outside the workspaces, type-checked, run with plain Node against `npm start`, and a React
// page (another origin) in Chromium.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { appRouter } from "@profilehub/api";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { launchBrowser } from "../../../apps/web/test/e2e/browser";
import { type RunningServer, startServer } from "../../../apps/web/test/e2e/running-server";
import { createOutsideApp, type OutsideApp, servePage, tarballFiles } from "./outside-app";

/** What the published code may import: relative files, the client's dependency and peers, Node. */
const CLIENT_IMPORTS =
  /^(\.\/|@trpc\/(client|server|tanstack-react-query)(\/observable)?$|@tanstack\/react-query$|react$)/;
/** Words that only server code (or a leak of it) would contain. */
const SERVER_WORDS =
  /@profilehub\/(api|db|validators)|prisma|PrismaClient|pglite|next\/|initTRPC|createCallerFactory|argon2|nodemailer|jose|\bzod\b/i;

const importsOf = (code: string) =>
  [
    ...code.matchAll(/(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']|import\s*\(?\s*["']([^"']+)["']/g),
  ].map((match) => match[1] ?? match[2] ?? "");

interface Manifest {
  name: string;
  type?: string;
  sideEffects?: boolean;
  bin?: Record<string, string>;
  exports?: Record<string, Record<string, string>>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

/** `tsc --pretty` output without colours, one block per error. */
function tscErrors(output: string): { location: string; text: string }[] {
  // eslint-disable-next-line no-control-regex
  const plain = output.replace(/\u001b\[[0-9;]*m/g, "");
  return plain
    .split(/\n(?=\S+:\d+:\d+ - error )/)
    .filter((block) => / - error TS\d+/.test(block))
    .map((block) => ({ location: block.slice(0, block.indexOf(" - ")), text: block.trim() }));
}

describe("an app outside the repository, with the packed tarballs", () => {
  let app: OutsideApp;
  let server: RunningServer;

  beforeAll(async () => {
    [app, server] = await Promise.all([Promise.resolve().then(createOutsideApp), startServer()]);
  }, 900_000);

  afterAll(async () => {
    await server?.stop();
    app?.remove();
  });

  it("packs compiled ESM and bundled declarations only: no server code, no TypeScript sources", () => {
    const client = tarballFiles(app.client.tarball);
    console.log(
      `${app.client.filename}: ${app.client.size} bytes (${app.client.unpackedSize} unpacked): ${[...client.keys()].join(", ")}\n` +
        `${app.cli.filename}: ${app.cli.size} bytes (${app.cli.unpackedSize} unpacked): ${[...tarballFiles(app.cli.tarball).keys()].join(", ")}`,
    );
    for (const [file, code] of client) {
      expect(file).toMatch(/^(README\.md|package\.json|[\w.-]+\.(js|d\.ts))$/);
      if (file.endsWith(".md") || file === "package.json") continue;
      expect(code, file).not.toMatch(SERVER_WORDS);
      for (const specifier of importsOf(code))
        expect(specifier, `${file} imports ${specifier}`).toMatch(CLIENT_IMPORTS);
    }
    expect([...client.keys()].filter((file) => file.endsWith(".d.ts")).sort()).toEqual(
      expect.arrayContaining(["index.d.ts", "react.d.ts"]),
    );

    const manifest = JSON.parse(client.get("package.json")!) as Manifest;
    expect(manifest).toMatchObject({ name: "@profilehub/client", type: "module", sideEffects: false });
    expect(manifest.exports?.["."]).toEqual({ types: "./index.d.ts", import: "./index.js" });
    expect(Object.keys(manifest.exports?.["./react"] ?? {})).toEqual(["types", "import"]);
    expect(manifest.dependencies).toEqual({ "@trpc/client": "11.22.1" });
    expect(Object.keys(manifest.peerDependencies ?? {}).sort()).toEqual([
      "@tanstack/react-query",
      "@trpc/server",
      "@trpc/tanstack-react-query",
      "react",
    ]);
    expect(JSON.stringify(manifest)).not.toContain("@profilehub/api");

    const cli = tarballFiles(app.cli.tarball);
    expect([...cli.keys()].sort()).toEqual(["README.md", "bin/profilehub.mjs", "package.json"]);
    const bin = cli.get("bin/profilehub.mjs")!;
    expect(bin.startsWith("#!/usr/bin/env node\n")).toBe(true);
    expect(bin).not.toMatch(SERVER_WORDS);
    expect(bin).not.toContain("tsx");
    for (const specifier of importsOf(bin)) expect(specifier).toMatch(/^node:/);
    const cliManifest = JSON.parse(cli.get("package.json")!) as Manifest;
    expect(cliManifest.bin).toEqual({ profilehub: "bin/profilehub.mjs" });
    expect(cliManifest.dependencies).toBeUndefined();
  });

  it("tsc --strict accepts a file calling every procedure with the right types", () => {
    const source = readFileSync(path.join(app.dir, "typed-calls.ts"), "utf8");
    const procedures = Object.keys(appRouter._def.procedures);
    expect(procedures.length).toBeGreaterThan(20);
    for (const procedure of procedures)
      expect(source, procedure).toMatch(new RegExp(`\\.${procedure.replace(/\./g, "\\.")}\\.(query|mutate)\\(`));

    const tsc = app.run(process.execPath, [
      "node_modules/typescript/bin/tsc",
      "-p",
      "tsconfig.json",
      "--pretty",
      "false",
    ]);
    expect(tsc.stdout + tsc.stderr).toBe("");
    expect(tsc.status).toBe(0);
  });

  it("tsc --strict rejects wrong field types and unknown procedures, naming the problem", () => {
    const source = readFileSync(path.join(app.dir, "type-errors.ts"), "utf8").split("\n");
    const expected = source.flatMap((line, index) => (line.includes("// expect-error:") ? [index + 1] : []));
    const tsc = app.run(process.execPath, [
      "node_modules/typescript/bin/tsc",
      "-p",
      "tsconfig.errors.json",
      "--pretty",
      "true",
    ]);
    expect(tsc.status).toBe(2);
    const errors = tscErrors(tsc.stdout);
    console.log(`tsc on type-errors.ts:\n${errors.map((error) => error.text).join("\n\n")}`);
    expect(errors.map((error) => Number(error.location.split(":")[1]))).toEqual(expected);
    const at = (line: number) =>
      errors.find((error) => error.location === `type-errors.ts:${line}:${error.location.split(":")[2]}`)!.text;
    const [wrongType, unknownProcedure, unknownField, badLocale, wrongOutput] = expected.map(at);
    expect(wrongType).toContain("error TS2322: Type 'number' is not assignable to type 'string'.");
    expect(wrongType).toContain(
      "The expected type comes from property 'displayName' which is declared here on type 'UserUpdateInput'",
    );
    expect(unknownProcedure).toContain("error TS2339: Property 'archive' does not exist on type");
    expect(unknownField).toContain(
      "error TS2353: Object literal may only specify known properties, and 'nickname' does not exist in type 'UserUpdateInput'.",
    );
    expect(badLocale).toContain(`error TS2322: Type '"de"' is not assignable to type '"en" | "fr" | undefined'.`);
    expect(wrongOutput).toContain("error TS2322: Type 'string' is not assignable to type 'number'.");
  });

  it("the bundled declarations type-check on their own (skipLibCheck off)", () => {
    const tsc = app.run(process.execPath, [
      "node_modules/typescript/bin/tsc",
      "-p",
      "tsconfig.declarations.json",
      "--pretty",
      "false",
    ]);
    const ours = (tsc.stdout + tsc.stderr).split("\n").filter((line) => line.includes("@profilehub/client"));
    expect(ours).toEqual([]);
  });

  it("a plain Node script signs up, updates and reads the profile against npm start", () => {
    const script = app.run(process.execPath, ["profile.mjs", server.baseUrl, "outside@example.com"], {
      timeoutMs: 60_000,
    });
    expect(script.stderr).toBe("");
    expect(script.status).toBe(0);
    expect(JSON.parse(script.stdout)).toEqual({
      signedUp: "outside@example.com",
      updated: { displayName: "Ada from outside", locale: "fr" },
      me: {
        email: "outside@example.com",
        displayName: "Ada from outside",
        locale: "fr",
        userMetadata: { via: "outside-app" },
      },
      refused: {
        code: "validation",
        status: 400,
        // Typed problems (issue 7): a stable code and its params beside the sentence.
        issues: [
          {
            path: "username",
            code: "username_too_short",
            params: { minimum: 3 },
            message: expect.any(String) as string,
          },
        ],
      },
    });
  });

  it("the globally installed profilehub command runs on plain Node", () => {
    expect(readdirSync(app.cliPackageDir).sort()).toEqual(["README.md", "bin", "package.json"]);
    const env = { PROFILEHUB_CONFIG: path.join(app.dir, "credentials.json") };
    const cli = (...args: string[]) => app.run(app.profilehubBin, args, { env, timeoutMs: 60_000 });
    expect(cli("--version").stdout.trim()).toBe(app.cli.version);
    const signup = cli("signup", "--url", server.baseUrl, "--email", "cli@example.com", "--password", "correct horse");
    expect([signup.status, signup.stderr]).toEqual([0, ""]);
    expect(existsSync(env.PROFILEHUB_CONFIG)).toBe(true);
    const update = cli("update", "--display-name", "Grace", "--locale", "fr");
    expect([update.status, update.stderr]).toEqual([0, ""]);
    expect(update.stdout).toContain("Updated 2 fields");
    const me = cli("me", "--json");
    expect(JSON.parse(me.stdout)).toMatchObject({ email: "cli@example.com", displayName: "Grace", locale: "fr" });
  });

  describe("a React page on another origin, with @profilehub/client/react", () => {
    let browser: Browser;
    let page: Awaited<ReturnType<typeof servePage>>;

    beforeAll(async () => {
      const bundle = app.run(
        "node_modules/.bin/esbuild",
        [
          "page/main.tsx",
          "--bundle",
          "--format=esm",
          "--jsx=automatic",
          "--minify",
          "--outfile=page/app.js",
          `--define:process.env.NODE_ENV="production"`,
        ],
        { timeoutMs: 60_000 },
      );
      expect(bundle.status, bundle.stderr).toBe(0);
      [browser, page] = await Promise.all([launchBrowser(), servePage(path.join(app.dir, "page"))]);
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      await page?.close();
    });

    it("shows the profile, refreshes an expired token once for concurrent queries, and saves a change", async () => {
      const signup = await fetch(`${server.baseUrl}/api/auth/signup`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "react@example.com", password: "correct horse" }),
      });
      const tokens = (await signup.json()) as { accessToken: string; refreshToken: string };
      await fetch(`${server.baseUrl}/api/trpc/me.update`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${tokens.accessToken}` },
        body: JSON.stringify({ displayName: "Ada in React" }),
      });

      const context = await browser.newContext();
      const tab = await context.newPage();
      const errors: string[] = [];
      tab.on("pageerror", (error) => errors.push(error.message));
      const refreshes: string[] = [];
      tab.on("request", (request) => {
        if (request.url().endsWith("/api/auth/token") && request.method() === "POST") refreshes.push(request.url());
      });
      // A stale access token (as after a key rotation or a long sleep) and a valid refresh token.
      const fragment = new URLSearchParams({
        server: server.baseUrl,
        access: "stale.access.token",
        refresh: tokens.refreshToken,
      });
      await tab.goto(`${page.origin}/#${fragment.toString()}`);

      await tab.getByTestId("display-name").getByText("Ada in React").waitFor();
      await tab.getByTestId("sessions").getByText("1 session(s)").waitFor();
      expect(await tab.getByTestId("email").textContent()).toBe("react@example.com");
      expect(refreshes).toHaveLength(1);
      expect(await tab.locator("body").getAttribute("data-refreshes")).toBe("1");

      await tab.getByRole("button", { name: "Save bio" }).click();
      await tab.getByTestId("bio").getByText("Written from another origin").waitFor();
      // The server has it (the first access token is still valid: a refresh rotates the pair, same session).
      const me = await fetch(`${server.baseUrl}/api/trpc/me.get`, {
        headers: { authorization: `Bearer ${tokens.accessToken}` },
      });
      expect(((await me.json()) as { result: { data: { bio: string } } }).result.data.bio).toBe(
        "Written from another origin",
      );
      expect(errors).toEqual([]);
      await context.close();
    });
  });
});
