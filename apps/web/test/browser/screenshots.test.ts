import { Secret, TOTP } from "otpauth";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";

import { edit, newPage, PASSWORD, screenshotPath, signUp, uniqueEmail, useBrowserSuite } from "./helpers";

// Every page in light and dark, desktop and phone width, saved under apps/web/test-results/screenshots/.
const suite = useBrowserSuite();

const PAGES = [
  { name: "landing", path: "/", signedIn: false },
  { name: "sign-in", path: "/sign-in", signedIn: false },
  { name: "profile", path: "/settings", signedIn: true },
  { name: "account", path: "/settings/account", signedIn: true },
  { name: "sessions", path: "/settings/sessions", signedIn: true },
  { name: "activity", path: "/settings/activity", signedIn: true },
  { name: "mailbox", path: "/settings/mailbox", signedIn: true },
] as const;
const DEVICES = [
  { name: "desktop", viewport: { width: 1280, height: 800 }, isMobile: false },
  { name: "phone", viewport: { width: 390, height: 844 }, isMobile: true },
] as const;
const THEMES = ["light", "dark"] as const;
const HIDE_TOASTS = '[data-testid="toasts"] { display: none !important; }';

async function trpc(page: Page, procedure: string, input: unknown) {
  const response = await page.request.post(`/api/trpc/${procedure}`, {
    headers: { "x-profilehub-csrf": "1", "content-type": "application/json" },
    data: input,
  });
  expect(response.status(), await response.text()).toBe(200);
}

describe("screenshots", () => {
  it("of every page, light and dark, desktop and phone (no sideways scrolling on a phone)", async () => {
    // A lived-in account: a full profile, a photo, a pending email, other devices, some history.
    const { context, page, email } = await signUp(suite, "ada");
    const avatar = await page.evaluate(() => {
      const canvas = document.createElement("canvas");
      canvas.width = canvas.height = 256;
      const context = canvas.getContext("2d")!;
      const gradient = context.createLinearGradient(0, 0, 256, 256);
      gradient.addColorStop(0, "#6366f1");
      gradient.addColorStop(1, "#ec4899");
      context.fillStyle = gradient;
      context.fillRect(0, 0, 256, 256);
      context.fillStyle = "rgba(255,255,255,0.92)";
      context.beginPath();
      context.arc(128, 100, 46, 0, Math.PI * 2);
      context.fill();
      context.beginPath();
      context.ellipse(128, 236, 86, 70, 0, Math.PI, 0);
      context.fill();
      return canvas.toDataURL("image/webp", 0.9);
    });
    await trpc(page, "me.update", {
      displayName: "Ada Lovelace",
      firstName: "Ada",
      lastName: "Lovelace",
      username: `ada.lovelace_${Date.now().toString(36)}`,
      bio: "Mathematician. Wrote the first published algorithm for Babbage's Analytical Engine.",
      birthdate: "1915-12-10",
      location: { latitude: 51.5074, longitude: -0.1278 },
      notifications: ["email_security_alerts", "email_new_transaction"],
      featureFlags: ["new_dashboard", "beta_api"],
      userMetadata: { theme: "dark", onboarding: { completed: true, steps: 4 } },
      avatarUrl: avatar,
    });
    await trpc(page, "me.update", { email: uniqueEmail("ada.new") });
    for (const userAgent of [
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Version/17.5 Mobile/15E148 Safari/604.1",
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0",
    ]) {
      const other = await newPage(suite, { userAgent });
      await other.page.goto("/sign-in");
      await other.page.getByLabel("Email").fill(email);
      await other.page.getByLabel("Password").fill(PASSWORD);
      await other.page.getByRole("button", { name: "Sign in" }).click();
      await other.page.waitForURL("**/settings");
      await other.context.close();
    }
    const state = await context.storageState();
    await context.close();

    for (const theme of THEMES) {
      for (const device of DEVICES) {
        for (const signedIn of [false, true]) {
          const shot = await suite.browser.newContext({
            baseURL: suite.server.baseUrl,
            viewport: device.viewport,
            isMobile: device.isMobile,
            hasTouch: device.isMobile,
            colorScheme: theme,
            ...(signedIn ? { storageState: state } : {}),
          });
          const tab = await shot.newPage();
          for (const target of PAGES.filter((item) => item.signedIn === signedIn)) {
            await tab.goto(target.path);
            await tab.waitForLoadState("networkidle");
            expect(await tab.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(
              theme === "dark",
            );
            if (device.isMobile) {
              // Wider content would make a phone zoom out (innerWidth grows): compare with the device.
              const width = await tab.evaluate(() => document.documentElement.scrollWidth);
              const overflow = width - device.viewport.width;
              expect(overflow, `${target.name} scrolls sideways on a phone`).toBeLessThanOrEqual(0);
            }
            await tab.screenshot({ path: screenshotPath(`${target.name}-${device.name}-${theme}`) });
          }
          await shot.close();
        }
      }
    }

    // And the profile in French, with a field open for editing.
    const french = await suite.browser.newContext({ baseURL: suite.server.baseUrl, storageState: state });
    const tab = await french.newPage();
    await tab.goto("/settings");
    await trpc(tab, "me.update", { locale: "fr" });
    await tab.reload();
    await edit(tab, "username");
    await tab.getByLabel("Nom d’utilisateur").fill("Ada.Lovelace!");
    await tab.getByTestId("username-available").waitFor();
    await tab.screenshot({ path: screenshotPath("profile-desktop-light-fr-editing") });

    // The delete-account dialog, in French then English: password typed, the address half typed,
    // so the destructive button is still disabled.
    for (const locale of ["fr", "en"] as const) {
      await trpc(tab, "me.update", { locale });
      await tab.goto("/settings/account");
      await tab.getByTestId("section-delete-account").getByRole("button").click();
      const dialog = tab.getByTestId("delete-account-dialog");
      await dialog.locator("#delete-password").fill(PASSWORD);
      await dialog.locator("#delete-confirmation").fill(email.slice(0, 8));
      expect(await dialog.getByRole("button", { name: /Supprimer mon compte|Delete my account/ }).isDisabled()).toBe(
        true,
      );
      await tab.screenshot({ path: screenshotPath(`account-delete-desktop-light${locale === "fr" ? "-fr" : ""}`) });
      await tab.keyboard.press("Escape");
    }
    await french.close();
  });

  it("of the recovery codes shown once, in English and French", async () => {
    const { context, page } = await signUp(suite, "codes");
    await page.goto("/settings/account");
    await page.getByRole("button", { name: "Set up" }).click();
    const secret = (await page.getByTestId("totp-secret").getAttribute("data-secret"))!;
    const totp = new TOTP({ secret: Secret.fromBase32(secret) });
    await page.getByLabel("6-digit code").fill(totp.generate({ timestamp: Date.now() - 30_000 }));
    await page.getByRole("button", { name: "Turn on" }).click();
    const panel = page.getByTestId("recovery-codes");
    await panel.waitFor();
    await panel.scrollIntoViewIfNeeded();
    // The section alone, without the toast that says two-factor is on.
    const section = page.getByTestId("section-2fa");
    await section.screenshot({ path: screenshotPath("recovery-codes-desktop-light"), style: HIDE_TOASTS });
    await page.getByRole("button", { name: "I saved them" }).click();

    // In French: a new set, after the password.
    await trpc(page, "me.update", { locale: "fr" });
    await page.reload();
    await page.getByTestId("recovery-codes-status").getByText("10 codes de récupération inutilisés").waitFor();
    await page.getByRole("button", { name: "Régénérer" }).click();
    await page.locator("#recovery-password").fill(PASSWORD);
    await page.getByRole("button", { name: "Générer de nouveaux codes" }).click();
    await panel.getByText("Je les ai enregistrés").waitFor();
    await panel.scrollIntoViewIfNeeded();
    await section.screenshot({ path: screenshotPath("recovery-codes-desktop-light-fr"), style: HIDE_TOASTS });
    await context.close();
  });

  it("remembers the theme chosen in the header, with no flash on the next load", async () => {
    const { context, page } = await newPage(suite, { colorScheme: "light" });
    await page.goto("/sign-in");
    await page.getByTestId("theme-toggle").click();
    await page.getByRole("menuitemradio", { name: "Dark" }).click();
    expect(await page.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(true);
    // The class is set by the inline script before the page's own code runs.
    await page.addInitScript(() => {
      document.addEventListener("DOMContentLoaded", () => {
        (window as unknown as { darkAtLoad: boolean }).darkAtLoad = document.documentElement.classList.contains("dark");
      });
    });
    await page.reload();
    expect(await page.evaluate(() => (window as unknown as { darkAtLoad: boolean }).darkAtLoad)).toBe(true);
    await page.getByTestId("theme-toggle").click();
    await page.getByRole("menuitemradio", { name: "System" }).click();
    expect(await page.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(false);
    await context.close();
  });
});
