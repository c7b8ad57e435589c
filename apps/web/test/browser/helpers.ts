import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";

import { launchBrowser } from "../e2e/browser";
import { type RunningServer, startServer } from "../e2e/running-server";

export const PASSWORD = "correct horse battery";
export const SCREENSHOTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../test-results/screenshots");

export interface BrowserSuite {
  server: RunningServer;
  browser: Browser;
}

/**
 * One `npm start` server (with extra `env`, e.g. SMTP_URL) and one Chromium (with extra command-line
 * `browserArgs`) for the whole test file.
 */
export function useBrowserSuite(
  env: Record<string, string> | (() => Promise<Record<string, string>>) = {},
  browserArgs: readonly string[] = [],
): BrowserSuite {
  const suite = {} as BrowserSuite;
  beforeAll(async () => {
    suite.server = await startServer(typeof env === "function" ? await env() : env);
    suite.server.secrets.add(PASSWORD); // typed into the pages: never in the server's log
    suite.browser = await launchBrowser(browserArgs);
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.stop();
  });
  return suite;
}

let counter = 0;
export function uniqueEmail(label: string): string {
  counter += 1;
  return `${label}-${Date.now().toString(36)}-${counter}@example.com`;
}

export async function newPage(suite: BrowserSuite, options: BrowserContextOptions = {}) {
  const context = await suite.browser.newContext({
    baseURL: suite.server.baseUrl,
    viewport: { width: 1280, height: 800 },
    ...options,
  });
  // Session cookies the server sets: never in its log either (checked when the server stops).
  context.on("response", (response) => {
    void response.headersArray().then(
      (headers) => {
        for (const { name, value } of headers) {
          if (name.toLowerCase() === "set-cookie")
            suite.server.secrets.add(value.split(";")[0]?.split("=").slice(1).join("="));
        }
      },
      () => {},
    );
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  return { context, page, errors };
}

/** Signs up through the UI in a fresh browser context; lands on /settings. */
export async function signUp(
  suite: BrowserSuite,
  label: string,
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; page: Page; email: string; errors: string[] }> {
  const { context, page, errors } = await newPage(suite, options);
  const email = uniqueEmail(label);
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL("**/settings");
  await page.getByRole("heading", { level: 1, name: "Profile" }).waitFor();
  return { context, page, email, errors };
}

/** Signs in through the UI (email + password; the 2FA step is left to the caller). */
export async function fillSignIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** The status region's text once it says `text`. */
export async function expectToast(page: Page, text: string | RegExp) {
  await page.getByTestId("toasts").getByText(text).first().waitFor();
}

/** Opens a field's inline editor ("Edit" on its row). */
/** Presses a row's Edit button and waits for its form (loaded on demand) to take the row's place. */
export async function edit(page: Page, field: string) {
  const button = page.getByTestId(`edit-${field}`);
  await button.click();
  await button.waitFor({ state: "detached" });
}

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return path.join(SCREENSHOTS, `${name}.png`);
}

// --- a large "photo": a noisy PNG (noise does not compress, so ~2 MB) -------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A `width`×`height` RGB PNG: a sunset-like gradient with heavy noise (like a high-ISO photo). */
export function noisyPhotoPng(width = 1100, height = 700): Buffer {
  const noise = randomBytes(width * height * 3);
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y += 1) {
    const row = y * (width * 3 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x += 1) {
      const i = row + 1 + x * 3;
      const n = (y * width + x) * 3;
      const base = [255 - (y * 120) / height, 120 + (x * 80) / width, 90 + (y * 140) / height];
      for (let c = 0; c < 3; c += 1) raw[i + c] = Math.max(0, Math.min(255, base[c]! + (noise[n + c]! - 128) * 0.9));
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolor
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw, { level: 6 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** The signed-in user as the router returns it (`me.get` with the page's cookie). */
export async function readMe(page: Page): Promise<Record<string, any>> {
  const response = await page.request.get("/api/trpc/me.get", { headers: { "x-profilehub-csrf": "1" } });
  const body = (await response.json()) as { result?: { data?: Record<string, any> } };
  if (!body.result?.data) throw new Error(`me.get failed: ${JSON.stringify(body)}`);
  return body.result.data;
}
