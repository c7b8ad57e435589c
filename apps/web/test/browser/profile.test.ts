import { describe, expect, it } from "vitest";

import { edit, expectToast, noisyPhotoPng, readMe, signUp, useBrowserSuite } from "./helpers";

// The profile page (/settings) in real Chromium against `npm start` (production build).
const suite = useBrowserSuite();
const suffix = () => Math.random().toString(36).slice(2, 8);

describe("/settings — the profile", () => {
  it("edits every profile field in place, and the values are still there after a reload", async () => {
    const { context, page, errors } = await signUp(suite, "every-field", {
      geolocation: { latitude: 48.8566, longitude: 2.3522 },
      permissions: ["geolocation"],
    });
    const username = `ada.king_${suffix()}`;

    await edit(page, "displayName");
    await page.getByLabel("Display name").fill("Ada Lovelace");
    await page.getByRole("button", { name: "Save" }).click();
    await expectToast(page, "Display name saved");
    // Optimistic and shared: the header follows the cached user at once.
    await expect.poll(() => page.getByTestId("header-name").textContent()).toBe("Ada Lovelace");

    await edit(page, "fullName");
    await page.getByLabel("First name").fill("Ada");
    await page.getByLabel("Last name").fill("King");
    await page.getByRole("button", { name: "Save" }).click();
    await expectToast(page, "Full name saved");

    await edit(page, "username");
    await page.getByLabel("Username").fill(`  ${username.replace("ada", "Ada")}!! `);
    await page.getByTestId("username-sanitized").getByText(`Will be saved as @${username}`).waitFor();
    await page.getByTestId("username-available").getByText(`@${username} is available`).waitFor();
    await page.getByRole("button", { name: "Save" }).click();
    await expectToast(page, "Username saved");
    await expect.poll(() => page.getByTestId("value-username").textContent()).toBe(`@${username}`);

    await edit(page, "bio");
    await page.getByLabel("Bio").fill("Mathematician.\nWrote the first program.");
    await page.getByRole("button", { name: "Save" }).click();
    await expectToast(page, "Bio saved");

    await edit(page, "birthdate");
    await page.getByLabel("Birthdate").fill("1906-12-09");
    await page.getByRole("button", { name: "Save" }).click();
    await expectToast(page, "Birthdate saved");

    await edit(page, "location");
    await page.getByRole("button", { name: "Use my location" }).click();
    await expect.poll(() => page.getByLabel("Latitude").inputValue()).toBe("48.8566");
    expect(await page.getByLabel("Longitude").inputValue()).toBe("2.3522");
    await page.getByLabel("Latitude").fill("51.5074");
    await page.getByLabel("Longitude").fill("-0.1278");
    await page.getByRole("button", { name: "Save" }).click();
    await expectToast(page, "Location saved");

    await page.getByLabel("Security alerts by email").click();
    await page.getByLabel("Product updates by email").click();
    await page.getByTestId("notifications-save").click();
    await expectToast(page, "Notifications saved");

    await edit(page, "userMetadata");
    const metadata = page.getByLabel("User metadata");
    await metadata.fill('{"theme": "dark",}');
    await page
      .locator("#userMetadata-error")
      .getByText(/Not valid JSON/)
      .waitFor();
    await metadata.fill("[1, 2]");
    await page
      .locator("#userMetadata-error")
      .getByText(/must be a JSON object/)
      .waitFor();
    await metadata.fill('{"theme": "dark", "beta": true}');
    await expect.poll(() => page.locator("#userMetadata-error").count()).toBe(0);
    await page.getByRole("button", { name: "Save" }).click();
    await expectToast(page, "User metadata saved");

    await page.reload();
    const value = (field: string) => page.getByTestId(`value-${field}`).innerText();
    expect(await value("displayName")).toBe("Ada Lovelace");
    expect(await value("fullName")).toBe("Ada King");
    expect(await value("username")).toBe(`@${username}`);
    expect(await value("bio")).toBe("Mathematician.\nWrote the first program.");
    expect(await value("birthdate")).toBe("9 December 1906");
    expect(await value("location")).toContain("51.5074°, -0.1278°");
    expect(await page.getByLabel("Security alerts by email").isChecked()).toBe(true);
    expect(await page.getByLabel("Product updates by email").isChecked()).toBe(true);
    expect(await page.getByLabel("New transactions by email").isChecked()).toBe(false);
    expect(JSON.parse(await page.getByTestId("user-metadata").innerText())).toEqual({ theme: "dark", beta: true });

    const me = await readMe(page);
    expect(me).toMatchObject({
      displayName: "Ada Lovelace",
      firstName: "Ada",
      lastName: "King",
      username,
      bio: "Mathematician.\nWrote the first program.",
      birthdate: "1906-12-09",
      location: { latitude: 51.5074, longitude: -0.1278 },
      userMetadata: { theme: "dark", beta: true },
    });
    expect([...me.notifications].sort()).toEqual(["email_product_updates", "email_security_alerts"]);

    // Clearing a field: an empty input stores null.
    await edit(page, "bio");
    await page.getByLabel("Bio").fill("");
    await page.getByRole("button", { name: "Save" }).click();
    await expectToast(page, "Bio saved");
    expect((await readMe(page)).bio).toBeNull();
    expect(errors).toEqual([]);
    await context.close();
  });

  it("crops and compresses a large photo in the browser to under 100 KB, saves and shows it", async () => {
    const { context, page } = await signUp(suite, "avatar");
    const photo = noisyPhotoPng();
    expect(photo.length).toBeGreaterThan(1.8 * 1024 * 1024);
    await page.getByTestId("avatar-file").setInputFiles({ name: "holiday.png", mimeType: "image/png", buffer: photo });
    const cropper = page.getByTestId("avatar-cropper");
    await cropper.waitFor();
    await cropper.getByRole("img", { name: /Crop area/ }).focus();
    await page.keyboard.press("+");
    await page.keyboard.press("ArrowLeft");
    await page.getByTestId("avatar-apply").click();
    await page
      .getByTestId("avatar-pending")
      .getByText(/WebP, [\d.]+ KB, 256×256 px/)
      .waitFor({ timeout: 30_000 });
    await page.getByTestId("avatar-save").click();
    await expectToast(page, "Profile photo saved");

    const { avatarUrl } = await readMe(page);
    expect(avatarUrl).toMatch(/^data:image\/webp;base64,/);
    const bytes = Buffer.from((avatarUrl as string).split(",")[1]!, "base64");
    expect(bytes.length).toBeLessThan(100 * 1024);
    expect(bytes.subarray(8, 12).toString("ascii")).toBe("WEBP");

    await page.reload();
    const image = page.getByTestId("avatar-image");
    await image.waitFor();
    expect(await image.getAttribute("src")).toBe(avatarUrl);
    expect(await image.evaluate((element: HTMLImageElement) => element.naturalWidth)).toBe(256);
    // The header's account button shows it too.
    expect(await page.getByTestId("account-menu").locator("img").getAttribute("src")).toBe(avatarUrl);
    await context.close();
  });

  it("switches the whole UI to French when the language is saved, and keeps it", async () => {
    const { context, page } = await signUp(suite, "french");
    await edit(page, "locale");
    await page.getByLabel("Language").selectOption("fr");
    await page.getByRole("button", { name: "Save" }).click();
    // Labels, buttons, navigation and messages switch at once, without a reload.
    await page.getByRole("heading", { level: 1, name: "Profil" }).waitFor();
    await expectToast(page, "Langue : enregistré");
    const nav = page.getByRole("navigation", { name: "Paramètres" });
    for (const label of ["Profil", "Compte", "Sessions", "Activité"])
      await nav.getByRole("link", { name: label }).waitFor();
    await page.getByTestId("row-displayName").getByText("Nom affiché").waitFor();
    await page.getByRole("button", { name: "Modifier : Nom affiché" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("fr");

    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Profil" }).waitFor();
    await edit(page, "birthdate");
    await page.getByLabel("Date de naissance").fill("1990-07-04");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await expectToast(page, "Date de naissance : enregistré");
    expect(await page.getByTestId("value-birthdate").innerText()).toBe("4 juillet 1990");

    await nav.getByRole("link", { name: "Compte" }).click();
    await page.getByRole("heading", { level: 1, name: "Compte" }).waitFor();
    await page.getByLabel("Mot de passe actuel").waitFor();
    await page.getByRole("button", { name: "Changer le mot de passe" }).waitFor();
    expect((await readMe(page)).locale).toBe("fr");
    await context.close();
  });

  it("can be edited with the keyboard alone (Tab, Enter, Space), with a visible focus ring", async () => {
    const { context, page } = await signUp(suite, "keyboard");
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const focused = () =>
      page.evaluate(() => document.activeElement?.getAttribute("data-testid") ?? document.activeElement?.id ?? "");
    async function tabTo(target: string) {
      for (let step = 0; step < 60; step += 1) {
        await page.keyboard.press("Tab");
        if ((await focused()) === target) return;
      }
      throw new Error(`Tab never reached ${target}`);
    }
    await tabTo("edit-displayName");
    const ring = await page.evaluate(() => getComputedStyle(document.activeElement!).boxShadow);
    expect(ring).not.toBe("none");
    await page.keyboard.press("Enter");
    // The field takes focus once React has rendered the edit form: wait for it, then type.
    await expect.poll(focused).toBe("displayName");
    await page.keyboard.type("Grace Hopper");
    await page.keyboard.press("Enter");
    await expectToast(page, "Display name saved");
    // Focus returns to the row's Edit button.
    await expect.poll(focused).toBe("edit-displayName");

    await tabTo("notification-email_security_alerts");
    await page.keyboard.press("Space");
    await tabTo("notifications-save");
    await page.keyboard.press("Enter");
    await expectToast(page, "Notifications saved");

    // Escape cancels an edit without saving (a changed one after asking: issue 11).
    await page.keyboard.press("Shift+Tab");
    await tabTo("edit-bio");
    await page.keyboard.press("Enter");
    await page.keyboard.type("never saved");
    const asked: string[] = [];
    page.once("dialog", (dialog) => {
      asked.push(dialog.message());
      void dialog.accept();
    });
    await page.keyboard.press("Escape");
    await expect.poll(focused).toBe("edit-bio");
    expect(asked).toEqual(["Discard your unsaved changes?"]);

    const me = await readMe(page);
    expect(me.displayName).toBe("Grace Hopper");
    expect(me.notifications).toEqual(["email_security_alerts"]);
    expect(me.bio).toBeNull();
    await context.close();
  });

  it("warns before leaving a page with unsaved changes (app links and closing the tab)", async () => {
    const { context, page } = await signUp(suite, "unsaved");
    await edit(page, "displayName");
    await page.getByLabel("Display name").fill("Half typed");
    const messages: string[] = [];
    page.once("dialog", (dialog) => {
      messages.push(dialog.message());
      void dialog.dismiss();
    });
    await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Account" }).click();
    await expect.poll(() => messages.length).toBe(1);
    expect(messages[0]).toContain("unsaved changes");
    expect(page.url()).toMatch(/\/settings$/);
    expect(await page.getByLabel("Display name").inputValue()).toBe("Half typed");
    const closing = new Promise<string>((resolve) =>
      page.once("dialog", (dialog) => {
        resolve(dialog.type());
        void dialog.accept();
      }),
    );
    await page.close({ runBeforeUnload: true });
    expect(await closing).toBe("beforeunload");
    await context.close();
  });

  it("shows the server's validation errors at the right fields", async () => {
    const taken = `taken_${suffix()}`;
    const other = await signUp(suite, "owner");
    await edit(other.page, "username");
    await other.page.getByLabel("Username").fill(taken);
    await other.page.getByRole("button", { name: "Save" }).click();
    await expectToast(other.page, "Username saved");
    await other.context.close();

    const { context, page } = await signUp(suite, "validation");
    await edit(page, "username");
    const input = page.getByLabel("Username");
    // Live check through me.validateUpdate: the router's own messages, under the field.
    await input.fill("A!!");
    await page
      .getByTestId("username-invalid")
      .getByText(/Username is too short after sanitizing/)
      .waitFor();
    await page.getByRole("button", { name: "Save" }).click();
    await page
      .locator("#username-error")
      .getByText(/too short after sanitizing/)
      .waitFor();
    expect(await input.getAttribute("aria-invalid")).toBe("true");

    await input.fill(taken.toUpperCase());
    await page.getByTestId("username-invalid").getByText("Username has already been taken").waitFor();
    await page.getByRole("button", { name: "Save" }).click();
    await page.locator("#username-error").getByText("Username has already been taken").waitFor();
    // Rolled back: the optimistic value is gone.
    await page.getByRole("button", { name: "Cancel" }).click();
    expect(await page.getByTestId("value-username").innerText()).toBe("Not set");
    expect((await readMe(page)).username).toBeNull();

    // Account page: the router's checks of the current and the new password.
    await page.goto("/settings/account");
    await page.getByLabel("Current password").fill("not my password");
    await page.getByLabel("New password", { exact: true }).fill("another long secret");
    await page.getByLabel("Confirm new password").fill("another long secret");
    await page.getByRole("button", { name: "Change password" }).click();
    await page.locator("#currentPassword-error").getByText("Current password is incorrect").waitFor();
    await page.getByLabel("Current password").fill("correct horse battery");
    await page.getByLabel("New password", { exact: true }).fill("correct horse battery");
    await page.getByLabel("Confirm new password").fill("correct horse battery");
    await page.getByRole("button", { name: "Change password" }).click();
    await page
      .locator("#newPassword-error")
      .getByText("New password must be different from the current password")
      .waitFor();
    expect(await page.locator("#currentPassword-error").count()).toBe(0);
    await context.close();
  });
});
