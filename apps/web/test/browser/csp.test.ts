import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";

import { newPage, signUp, useBrowserSuite } from "./helpers";

// Every page under the real CSP (nonce per response, no 'unsafe-inline' scripts) in Chromium.
const suite = useBrowserSuite();

/** Collects what the browser refused: `securitypolicyviolation` events and CSP console messages. */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  await page.exposeFunction("__reportCspViolation", (text: string) => seen.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const { __reportCspViolation: report } = window as unknown as { __reportCspViolation: (text: string) => void };
      report(
        `${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  page.on("console", (message) => {
    if (/Content.Security.Policy|Refused to/i.test(message.text())) seen.push(`console: ${message.text()}`);
  });
  return seen;
}

/** The theme script (inline, nonce'd) ran before paint: it sets the color scheme. */
const themeApplied = (page: Page) => page.evaluate(() => document.documentElement.style.colorScheme);

describe("Content Security Policy in the browser", () => {
  it("reports no violation on any settings page, and the inline theme script runs", async () => {
    const { page, errors } = await signUp(suite, "csp");
    const violations = await watchViolations(page);
    for (const path of [
      "/settings",
      "/settings/account",
      "/settings/sessions",
      "/settings/activity",
      "/settings/mailbox",
    ]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await page.waitForLoadState("networkidle");
      expect(await themeApplied(page), path).toMatch(/^(light|dark)$/);
    }
    // Client-side navigation too (React loads further chunks).
    await page.goto("/settings");
    await page.getByRole("link", { name: "Sessions" }).first().click();
    await page.waitForURL("**/settings/sessions");
    await page.waitForLoadState("networkidle");
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("reports no violation on the pages seen signed out, the API reference and a 404", async () => {
    const { page, errors } = await newPage(suite);
    const violations = await watchViolations(page);
    for (const path of ["/", "/sign-in", "/sign-up", "/no-such-page"]) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      expect(await themeApplied(page), path).toMatch(/^(light|dark)$/);
    }
    await page.goto("/docs");
    await page.getByText("ProfileHub", { exact: false }).first().waitFor();
    await page.waitForLoadState("networkidle");
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("refuses to be framed", async () => {
    const { page } = await newPage(suite);
    await page.goto("/sign-in");
    // A page of another origin (about:blank has none of ours) tries to frame the settings app.
    await page.setContent(`<iframe id="f" src="${suite.server.baseUrl}/sign-in"></iframe>`);
    await page.waitForTimeout(1000);
    const framed = page.frames().find((frame) => frame.url().includes("/sign-in") && frame !== page.mainFrame());
    const content = framed ? await framed.content().catch(() => "") : "";
    expect(content).not.toContain("Sign in");
  });
});
