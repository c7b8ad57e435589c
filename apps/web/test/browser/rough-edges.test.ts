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

  it("2. the photo cropper gives keyboard focus back to the photo button however it closes", async () => {
    const { context, page } = await signUp(suite, "cropper-focus");
    const photo = noisyPhotoPng(240, 160);
    const cropper = page.getByTestId("avatar-cropper");
    const open = async () => {
      await page.getByTestId("avatar-file").setInputFiles({ name: "me.png", mimeType: "image/png", buffer: photo });
      await cropper.getByRole("slider").waitFor();
      await expect.poll(() => cropper.getByTestId("avatar-apply").isEnabled()).toBe(true);
    };
    const closedTo = async (testId: string) => {
      await cropper.waitFor({ state: "detached" });
      await expect.poll(() => focusedTestId(page)).toBe(testId);
    };

    await open();
    await page.keyboard.press("Escape");
    await closedTo("avatar-pick");
    await open();
    await cropper.getByRole("button", { name: "Cancel" }).click();
    await closedTo("avatar-pick");
    await open();
    await cropper.getByRole("button", { name: "Close" }).click();
    await closedTo("avatar-pick");
    // "Use this photo": "Change photo" makes way for the preview's Save, which gets the focus.
    await open();
    await cropper.getByTestId("avatar-apply").click();
    await closedTo("avatar-save");
    await page.keyboard.press("Enter");
    await expectToast(page, "Profile photo saved");
    await expect.poll(() => page.getByTestId("avatar-pick").textContent()).toContain("Change photo");
    await open();
    await page.keyboard.press("Escape");
    await closedTo("avatar-pick");
    await context.close();
  });

  it("3. the current address as the new email is refused, and nothing is sent", async () => {
    const { context, page, email } = await signUp(suite, "same-email");
    await page.goto("/settings/account");
    await edit(page, "email");
    const input = page.getByLabel("New email address");
    await input.fill(`  ${email.toUpperCase()} `);
    await page.getByRole("button", { name: "Send verification link" }).click();
    await page.locator("#new-email-error").getByText("This is already your email address.").waitFor();
    expect(await input.getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByTestId("pending-email-banner").count()).toBe(0);
    expect(await page.getByTestId("toasts").getByText("Verification link sent").count()).toBe(0);
    expect((await readMe(page)).pendingEmail).toBeNull();
    await context.close();
  });

  it("4. saving offline says so and can be cancelled; a server error is reported as one", async () => {
    const { context, page } = await signUp(suite, "offline");
    await edit(page, "displayName");
    await page.getByLabel("Display name").fill("Offline Ada");
    await context.setOffline(true);
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("You are offline: nothing was saved.").waitFor();
    const cancel = page.getByTestId("row-displayName").getByRole("button", { name: "Cancel" });
    expect(await cancel.isEnabled()).toBe(true);
    expect(await page.getByRole("button", { name: "Save" }).textContent()).toBe("Save");

    // Back online, nothing is saved behind the person's back.
    await context.setOffline(false);
    await page.waitForTimeout(1000);
    expect((await readMe(page)).displayName).toBeNull();

    // A proxy's 500 page (not the router's JSON): a server error, not "could not be reached".
    await page.route(/\/api\/trpc\/[^?]*me\.update/, (route) =>
      route.fulfill({ status: 500, contentType: "text/html", body: "<h1>Internal Server Error</h1>" }),
    );
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("The server had a problem (error 500): nothing was saved.").waitFor();
    expect(await page.getByText("could not be reached").count()).toBe(0);
    await page.unroute(/\/api\/trpc\/[^?]*me\.update/);
    await page.getByRole("button", { name: "Save" }).click();
    await expectToast(page, "Display name saved");
    expect((await readMe(page)).displayName).toBe("Offline Ada");
    await context.close();
  });

  it("5. signed out, /settings/account goes to sign-in and back there; `next` never leaves the site", async () => {
    const { context, email } = await signUp(suite, "next");
    await context.close();
    const { context: signedOut, page } = await newPage(suite);
    await page.goto("/settings/account");
    await page.waitForURL("**/sign-in?**");
    expect(new URL(page.url()).searchParams.get("next")).toBe("/settings/account");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL("**/settings/account");
    await page.getByRole("heading", { level: 1, name: "Account" }).waitFor();

    // A tab inside the path: browsers drop it, so "/\t/evil.example" would be "//evil.example".
    for (const next of ["/\t/evil.example/", "//evil.example/", "https://evil.example/"]) {
      const fresh = await newPage(suite);
      await fresh.page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
      await fresh.page.getByLabel("Email").fill(email);
      await fresh.page.getByLabel("Password").fill(PASSWORD);
      await fresh.page.getByRole("button", { name: "Sign in" }).click();
      await fresh.page.waitForURL((url) => url.pathname === "/settings");
      expect(new URL(fresh.page.url()).origin).toBe(suite.server.baseUrl);
      await fresh.context.close();
    }
    await signedOut.close();
  });

  it("6. mailed links use the port actually served when APP_URL is not set", async () => {
    const { context, page } = await signUp(suite, "app-url");
    await page.goto("/settings/mailbox");
    const link = page.getByRole("link", { name: /\/api\/auth\/verify-email\?token=/ }).first();
    const href = (await link.getAttribute("href")) ?? "";
    const { port } = new URL(suite.server.baseUrl);
    expect(href.startsWith(`http://localhost:${port}/api/auth/verify-email?token=`)).toBe(true);
    // The link works: it verifies the sign-up address.
    await page.goto(href.replace(`http://localhost:${port}`, suite.server.baseUrl));
    await page.getByTestId("verify-title").getByText("Email verified").waitFor();
    await context.close();
  });

  it("7. the anonymous landing page shows neither the database path nor the server key", async () => {
    const { context, page } = await newPage(suite);
    await page.goto("/");
    await page.getByRole("heading", { level: 1, name: "ProfileHub" }).waitFor();
    const text = await page.locator("body").innerText();
    const html = await page.content();
    const secrets = JSON.parse(readFileSync(path.join(suite.server.dataDir, "secrets.json"), "utf8")) as {
      serverApiKey: string;
    };
    for (const shown of [text, html]) {
      expect(shown).not.toContain(suite.server.dataDir);
      expect(shown).not.toContain(secrets.serverApiKey.slice(0, 8));
    }
    await page.getByTestId("facts").getByText("Embedded PGlite").waitFor();
    await context.close();
  });

  it("8a. Escape asks before discarding a changed bio or metadata edit, and just closes an unchanged one", async () => {
    const { context, page } = await signUp(suite, "escape");
    const questions: string[] = [];
    let answer = false;
    page.on("dialog", (dialog) => {
      questions.push(dialog.message());
      void (answer ? dialog.accept() : dialog.dismiss());
    });
    for (const [row, label, text] of [
      ["bio", "Bio", "A long bio, typed for minutes.\n".repeat(8)],
      ["userMetadata", "User metadata", '{"theme": "dark", "notes": "typed for minutes"}'],
    ] as const) {
      await edit(page, row);
      const input = page.getByLabel(label, { exact: true });
      await input.fill(text);
      answer = false;
      await input.press("Escape");
      await expect.poll(() => questions.length).toBeGreaterThan(0);
      expect(questions.pop()).toBe("Discard your unsaved changes?");
      expect(await input.inputValue()).toBe(text); // kept
      answer = true;
      await input.press("Escape");
      await input.waitFor({ state: "detached" });
      expect(questions.pop()).toBe("Discard your unsaved changes?");
      // Unchanged: Escape closes at once, no question.
      await edit(page, row);
      await page.getByLabel(label, { exact: true }).press("Escape");
      await page.getByLabel(label, { exact: true }).waitFor({ state: "detached" });
      expect(questions).toEqual([]);
    }
    await context.close();
  });

  it("8b. Use my location clears a stale error; a decimal comma is a decimal point", async () => {
    const { context, page } = await signUp(suite, "location", {
      geolocation: { latitude: 48.8566, longitude: 2.3522 },
      permissions: ["geolocation"],
    });
    await edit(page, "location");
    await page.getByLabel("Latitude").fill("north");
    await page.getByLabel("Longitude").fill("2.35");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("Enter a number, e.g. 48.8566").waitFor();
    await page.getByRole("button", { name: "Use my location" }).click();
    await expect.poll(() => page.getByLabel("Latitude").inputValue()).toBe("48.8566");
    await expect.poll(() => page.locator("[data-field-error]").count()).toBe(0);
    expect(await page.getByLabel("Latitude").getAttribute("aria-invalid")).toBeNull();

    await page.getByLabel("Latitude").fill("48,8566");
    await page.getByLabel("Longitude").fill("2,3522");
    await page.getByRole("button", { name: "Save" }).click();
    await expectToast(page, "Location saved");
    expect((await readMe(page)).location).toEqual({ latitude: 48.8566, longitude: 2.3522 });
    await context.close();
  });

  it('8c. the live "username taken" answer marks the input aria-invalid', async () => {
    const taken = `taken_${Math.random().toString(36).slice(2, 8)}`;
    const owner = await signUp(suite, "owner");
    await edit(owner.page, "username");
    await owner.page.getByLabel("Username").fill(taken);
    await owner.page.getByRole("button", { name: "Save" }).click();
    await expectToast(owner.page, "Username saved");
    await owner.context.close();

    const { context, page } = await signUp(suite, "taken");
    await edit(page, "username");
    const input = page.getByLabel("Username");
    await input.fill(taken);
    await page.getByTestId("username-invalid").getByText("Username has already been taken").waitFor();
    expect(await input.getAttribute("aria-invalid")).toBe("true");
    await input.fill(`${taken}_free`);
    await page.getByTestId("username-available").waitFor();
    expect(await input.getAttribute("aria-invalid")).toBeNull();
    await context.close();
  });

  it("8d. Sessions lists this device first, even when another one was active more recently", async () => {
    const { context, page, email } = await signUp(suite, "sessions-order");
    const other = await newPage(suite);
    await other.page.goto("/sign-in");
    await other.page.getByLabel("Email").fill(email);
    await other.page.getByLabel("Password").fill(PASSWORD);
    await other.page.getByRole("button", { name: "Sign in" }).click();
    await other.page.waitForURL("**/settings");
    await page.goto("/settings/sessions");
    const sessions = page.getByTestId("session");
    await expect.poll(() => sessions.count()).toBe(2);
    expect(await sessions.first().getByTestId("this-device").count()).toBe(1);
    await other.page.goto("/settings/sessions");
    await expect.poll(() => other.page.getByTestId("session").count()).toBe(2);
    expect(await other.page.getByTestId("session").first().getByTestId("this-device").count()).toBe(1);
    await other.context.close();
    await context.close();
  });

  it("8e. the theme menu opens on the current choice", async () => {
    const { context, page } = await newPage(suite);
    await page.goto("/sign-in");
    await page.getByTestId("theme-toggle").click();
    await page.getByRole("menuitemradio", { name: "Dark" }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(true);
    for (const open of ["mouse", "keyboard"] as const) {
      if (open === "mouse") await page.getByTestId("theme-toggle").click();
      else {
        await page.getByTestId("theme-toggle").focus();
        await page.keyboard.press("Enter");
      }
      await page.getByRole("menu").waitFor();
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent?.trim() ?? "")).toBe("Dark");
      await page.keyboard.press("Escape");
      await page.getByRole("menu").waitFor({ state: "detached" });
    }
    await context.close();
  });

  it("8f. the landing page's container is as wide as the other pages' (the logo does not jump)", async () => {
    const { context, page } = await signUp(suite, "width");
    const logoX = async (url: string) => {
      await page.goto(url);
      const box = await page.getByRole("link", { name: "ProfileHub" }).first().boundingBox();
      return box?.x;
    };
    const settings = await logoX("/settings");
    expect(settings).toBeDefined();
    expect(await logoX("/")).toBe(settings);
    await context.close();
    const anonymous = await newPage(suite);
    await anonymous.page.goto("/sign-in");
    const signIn = await anonymous.page.getByRole("link", { name: "ProfileHub" }).first().boundingBox();
    expect(signIn?.x).toBe(settings);
    await anonymous.context.close();
  });

  it("resends the sign-up verification link from Account (3 an hour), and the new link verifies the address", async () => {
    const { context, page, email } = await signUp(suite, "resend");
    await page.goto("/settings/account");
    const banner = page.getByTestId("verify-address-banner");
    await banner.getByText(`${email} is not verified yet`).waitFor();
    const resend = banner.getByRole("button", { name: "Send a new verification link" });
    for (let i = 0; i < 3; i += 1) {
      await expect.poll(() => resend.isEnabled()).toBe(true);
      await resend.click();
      await expect.poll(() => resend.isEnabled()).toBe(true);
    }
    await expectToast(page, `Verification link sent to ${email}`);
    await resend.click();
    await banner
      .getByRole("alert")
      .getByText(/Too many attempts/)
      .waitFor();

    await page.goto("/settings/mailbox");
    const mails = page.getByTestId("mail").filter({ hasText: "Verify your email address" });
    await expect.poll(() => mails.count()).toBe(4); // sign-up's and 3 resent
    await mails
      .first()
      .getByRole("link", { name: /\/api\/auth\/verify-email\?token=/ })
      .click();
    await page.getByTestId("verify-title").getByText("Email verified").waitFor();
    await page.goto("/settings/account");
    await page.getByTestId("section-email").getByText("Verified").waitFor();
    expect(await page.getByTestId("verify-address-banner").count()).toBe(0);
    expect((await readMe(page)).emailVerified).toBe(true);
    await context.close();
  });
});
