import { readFile } from "node:fs/promises";
import { Secret, TOTP } from "otpauth";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";

import { expectToast, fillSignIn, newPage, PASSWORD, readMe, signUp, useBrowserSuite } from "./helpers";

// Two-factor recovery codes in real Chromium against `npm start`: shown once, spent once.
const suite = useBrowserSuite();

/** Turns two-factor on from /settings/account; returns the codes the panel shows. */
async function turnOnTwoFactor(page: Page): Promise<string[]> {
  await page.goto("/settings/account");
  await page.getByRole("button", { name: "Set up" }).click();
  const secret = (await page.getByTestId("totp-secret").getAttribute("data-secret"))!;
  // The previous time step's code (accepted within ±1 step), so the current one stays unspent.
  const code = new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: Date.now() - 30_000 });
  await page.getByLabel("6-digit code").fill(code);
  await page.getByRole("button", { name: "Turn on" }).click();
  await page.getByTestId("recovery-codes").waitFor();
  return page.getByTestId("recovery-code").allTextContents();
}

async function signOut(page: Page) {
  await page.getByTestId("account-menu").click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await page.waitForURL((url) => url.pathname === "/sign-in");
}

/** Email and password, then "Use a recovery code instead" (by keyboard) and the code. */
async function signInWithRecoveryCode(page: Page, email: string, code: string) {
  await fillSignIn(page, email);
  await page.getByRole("heading", { name: "Two-factor code" }).waitFor();
  await page.getByTestId("toggle-recovery-code").focus();
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { name: "Recovery code" }).waitFor();
  // The field takes the focus: type straight away.
  expect(await page.evaluate(() => document.activeElement?.id)).toBe("recovery-code");
  await page.keyboard.type(code);
  await page.keyboard.press("Enter");
}

describe("2FA recovery codes", () => {
  it("shows 10 codes once (copy, download), signs in with one, refuses it the second time, count 9", async () => {
    const { context, page, email } = await signUp(suite, "recovery");
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: suite.server.baseUrl });
    const codes = await turnOnTwoFactor(page);
    for (const code of codes) suite.server.secrets.add(code); // never in the server's log
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    // The panel takes the focus when it opens.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("recovery-codes-title");

    await page.getByTestId("recovery-codes-copy").click();
    await page.getByTestId("recovery-codes-copy").getByText("Copied").waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(codes.join("\n"));
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("recovery-codes-download").click(),
    ]);
    expect(download.suggestedFilename()).toBe("profilehub-recovery-codes.txt");
    const file = await readFile(await download.path(), "utf8");
    expect(file).toContain(email);
    for (const code of codes) expect(file).toContain(code);

    // By keyboard; the focus then lands on "Regenerate", not on the page's body.
    await page.getByRole("button", { name: "I saved them" }).focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("recovery-codes").waitFor({ state: "detached" });
    await page.waitForFunction(
      () => document.activeElement?.getAttribute("data-testid") === "recovery-codes-regenerate",
    );
    await page.getByTestId("recovery-codes-status").getByText("10 unused recovery codes").waitFor();
    // Shown once: a reload shows the count, never the codes.
    await page.reload();
    await page.getByTestId("recovery-codes-status").getByText("10 unused recovery codes").waitFor();
    expect(await page.getByTestId("recovery-code").count()).toBe(0);

    await signOut(page);
    await signInWithRecoveryCode(page, email, codes[2]!.toLowerCase());
    await page.waitForURL("**/settings");
    await page.getByRole("heading", { level: 1, name: "Profile" }).waitFor();
    await page.goto("/settings/account");
    await page.getByTestId("recovery-codes-status").getByText("9 unused recovery codes").waitFor();
    await page.goto("/settings/activity");
    await page.getByText("Recovery code used").first().waitFor();

    // The same code again, from another browser: refused, and nothing else is spent.
    const other = await newPage(suite);
    await signInWithRecoveryCode(other.page, email, codes[2]!);
    await other.page
      .locator("#recovery-code-error")
      .getByText("This recovery code is wrong or was already used.")
      .waitFor();
    expect(other.page.url()).toContain("/sign-in");
    await other.context.close();
    expect((await readMe(page)).totpEnabled).toBe(true);
    await page.goto("/settings/account");
    await page.getByTestId("recovery-codes-status").getByText("9 unused recovery codes").waitFor();

    // Regenerate: the password first, then a new set replaces every old code.
    await page.getByRole("button", { name: "Regenerate" }).click();
    await page.locator("#recovery-password").fill("not my password");
    await page.getByRole("button", { name: "Generate new codes" }).click();
    await page.locator("#recovery-password-error").getByText("Current password is incorrect").waitFor();
    await page.locator("#recovery-password").fill(PASSWORD);
    await page.getByRole("button", { name: "Generate new codes" }).click();
    await expectToast(page, "New recovery codes generated");
    const fresh = await page.getByTestId("recovery-code").allTextContents();
    expect(fresh).toHaveLength(10);
    expect(fresh.filter((code) => codes.includes(code))).toEqual([]);
    await page.getByRole("button", { name: "I saved them" }).click();
    await page.getByTestId("recovery-codes-status").getByText("10 unused recovery codes").waitFor();

    const third = await newPage(suite);
    await signInWithRecoveryCode(third.page, email, codes[3]!);
    await third.page
      .locator("#recovery-code-error")
      .getByText(/wrong or was already used/)
      .waitFor();
    await third.context.close();
    await context.close();
  });
});
