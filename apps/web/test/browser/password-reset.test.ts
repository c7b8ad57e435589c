import { describe, expect, it } from "vitest";

import { fillSignIn, newPage, PASSWORD, screenshotPath, signUp, useBrowserSuite } from "./helpers";

// "Forgot password?" end to end, in real Chromium against `npm start` (one server for the file).
const suite = useBrowserSuite();
const NEW_PASSWORD = "a-fresh-Passw0rd-for-reset";

describe("password reset", () => {
  it("forgot → mail → reset → sign in with the new password; the old one and every session are refused", async () => {
    suite.server.secrets.add(NEW_PASSWORD);
    // The account stays signed in here: its development mailbox shows the mail, and it must be signed out.
    const owner = await signUp(suite, "reset");
    const { context, page, errors } = await newPage(suite);

    // Keyboard only: from the password field, Tab reaches "Forgot password?".
    await page.goto("/sign-in");
    await page.getByLabel("Password").focus();
    await page.keyboard.press("Tab");
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe("Forgot password?");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Forgot your password?" }).waitFor();
    await page.screenshot({ path: screenshotPath("forgot-password-desktop-light") });
    await page.keyboard.type(owner.email.toUpperCase());
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Check your inbox" }).waitFor();
    await page.getByRole("status").getByText(`If an account uses ${owner.email}`).waitFor();
    // Focus follows the outcome (the form it was in is gone).
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("H1");

    // The same answer for an address without an account.
    await page.goto("/forgot-password");
    await page.getByLabel("Email").fill("nobody-here@example.com");
    await page.getByRole("button", { name: "Send the link" }).click();
    await page.getByRole("status").getByText("If an account uses nobody-here@example.com").waitFor();

    await owner.page.goto("/settings/mailbox");
    const mail = owner.page.getByTestId("mail").filter({ hasText: "Reset your password" }).first();
    await mail.getByText(`To ${owner.email}`, { exact: true }).waitFor();
    const link = await mail.getByRole("link", { name: /\/reset-password\?token=/ }).getAttribute("href");
    expect(link).toMatch(new RegExp(`^${suite.server.baseUrl}/reset-password\\?token=`));
    suite.server.secrets.add(new URL(link!).searchParams.get("token")!);

    await page.goto(link!);
    await page.getByRole("heading", { level: 1, name: "Choose a new password" }).waitFor();
    await page.screenshot({ path: screenshotPath("reset-password-desktop-light") });
    await page.getByLabel("New password").fill("short");
    await page.getByRole("button", { name: "Set the new password" }).click();
    expect(await page.getByLabel("New password").getAttribute("aria-invalid")).toBe("true");
    await page.getByLabel("New password").fill(NEW_PASSWORD);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Password changed" }).waitFor();
    await page.screenshot({ path: screenshotPath("reset-password-done-desktop-light") });

    // The link works once.
    await page.goto(link!);
    await page.getByLabel("New password").fill("another-long-password");
    await page.getByRole("button", { name: "Set the new password" }).click();
    await page.getByTestId("reset-error").getByText("This link is invalid, already used or expired").waitFor();

    // The session that stayed open is signed out; the old password is refused, the new one works.
    await owner.page.goto("/settings");
    await owner.page.waitForURL("**/sign-in?**");
    await fillSignIn(page, owner.email, PASSWORD);
    await page.getByTestId("sign-in-error").getByText("Wrong email or password.").waitFor();
    await fillSignIn(page, owner.email, NEW_PASSWORD);
    await page.waitForURL("**/settings");
    await page.getByRole("heading", { level: 1, name: "Profile" }).waitFor();
    expect(errors).toEqual([]);
    await owner.context.close();
    await context.close();
  });

  it("speaks French to a French browser", async () => {
    const { context, page } = await newPage(suite, { locale: "fr-FR" });
    await page.goto("/sign-in");
    await page.getByRole("link", { name: "Mot de passe oublié ?" }).click();
    await page.getByRole("heading", { level: 1, name: "Mot de passe oublié ?" }).waitFor();
    await page.getByLabel("E-mail").fill("ada@example.com");
    await page.getByRole("button", { name: "Envoyer le lien" }).click();
    await page.getByRole("heading", { level: 1, name: "Consultez votre boîte de réception" }).waitFor();
    await page.screenshot({ path: screenshotPath("forgot-password-desktop-light-fr-sent") });
    await page.goto("/reset-password");
    await page.getByText("Cette page demande le lien reçu par e-mail.").waitFor();
    await page.getByRole("link", { name: "Demander un nouveau lien" }).waitFor();
    await context.close();
  });
});
