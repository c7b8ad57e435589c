import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { edit, expectToast, newPage, noisyPhotoPng, PASSWORD, readMe, signUp, useBrowserSuite } from "./helpers";

// The settings app's rough edges of issue 11, each reproduced in real Chromium against `npm start`.
// APP_URL is left unset (an empty value counts as unset): mailed links must follow the port served.
const suite = useBrowserSuite({ APP_URL: "" });

/** Console errors and uncaught page errors (a hydration mismatch is reported as one of them). */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

const focusedTestId = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute("data-testid") ?? document.activeElement?.tagName);

describe("issue 11: the settings app's rough edges", () => {
  it("1. a display name starting with an emoji: no hydration error, the initials keep the whole emoji", async () => {
    const { context, page } = await signUp(suite, "emoji");
    await edit(page, "displayName");
    await page.getByLabel("Display name").fill("👩‍💻 Ada");
    await page.getByRole("button", { name: "Save" }).click();
    await expectToast(page, "Display name saved");

    const errors = collectErrors(page);
    for (const url of ["/settings", "/settings/account"]) {
      await page.goto(url);
      await page.waitForLoadState("networkidle");
      expect(await page.getByTestId("header-initials").textContent()).toBe("👩‍💻A");
    }
    await page.goto("/settings");
    await page.waitForLoadState("networkidle");
    expect(await page.getByTestId("avatar-initials").textContent()).toBe("👩‍💻A");
    expect(errors.filter((error) => /418|hydrat/i.test(error))).toEqual([]);
    expect(errors.join("\n")).not.toContain("\uFFFD");
    await context.close();
  });
});
