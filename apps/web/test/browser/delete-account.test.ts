import { startSmtpServer, type TestSmtpServer } from "@profilehub/api/testing";
import { afterAll, describe, expect, it } from "vitest";

import { fillSignIn, PASSWORD, readMe, signUp, useBrowserSuite } from "./helpers";

// Deleting an account end to end: the notice is really mailed (SMTP_URL set: a deleted account
// has no development mailbox to read it in).
let smtp: TestSmtpServer | undefined;
const suite = useBrowserSuite(async () => {
  smtp = await startSmtpServer();
  return { SMTP_URL: smtp.url };
});
afterAll(() => smtp?.close());

describe("delete account", () => {
  it("keyboard only: dialog → wrong password refused → confirmed → signed out, notice, cannot sign in, mail received", async () => {
    const { context, page, email, errors } = await signUp(suite, "delete");
    await page.goto("/settings/account");
    const section = page.getByTestId("section-delete-account");
    const open = section.getByRole("button", { name: "Delete account…" });

    // Escape closes the dialog and gives focus back to the button that opened it.
    await open.focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Delete your account?" });
    await dialog.waitFor();
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe("Delete account…");

    await page.keyboard.press("Enter");
    await dialog.getByText("This cannot be undone.", { exact: false }).first().waitFor();
    // The password field has the focus; the destructive button waits for the typed address.
    expect(await page.evaluate(() => document.activeElement?.getAttribute("autocomplete"))).toBe("current-password");
    const submit = dialog.getByRole("button", { name: "Delete my account" });
    await page.keyboard.type("not my password");
    await page.keyboard.press("Tab");
    await page.keyboard.type(email.slice(0, -1));
    expect(await submit.isDisabled()).toBe(true);
    await page.keyboard.type(email.slice(-1));
    expect(await submit.isEnabled()).toBe(true);
    await page.keyboard.press("Enter");
    await dialog.getByText("Current password is incorrect").waitFor();
    const passwordField = dialog.getByLabel("Current password");
    expect(await passwordField.getAttribute("aria-invalid")).toBe("true");
    expect((await readMe(page)).email).toBe(email); // nothing deleted

    await passwordField.fill(PASSWORD);
    await page.keyboard.press("Enter");
    await page.waitForURL("**/?account-deleted=en");
    await page
      .getByTestId("account-deleted-notice")
      .getByText("Your account was deleted. A notice was sent to your address.")
      .waitFor();
    // Signed out: the settings ask to sign in, and the account's password no longer signs in.
    await page.goto("/settings/account");
    await page.waitForURL("**/sign-in?**");
    await fillSignIn(page, email, PASSWORD);
    await page.getByTestId("sign-in-error").getByText("Wrong email or password.").waitFor();

    // (The sign-up's verification mail went to the same address first.)
    const mail = await smtp!.waitForMail((item) => item.to.includes(email) && /deleted/.test(item.subject));
    expect(mail.subject).toBe("Your ProfileHub account was deleted");
    expect(mail.text).toContain("cannot be restored");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("in French, with two-factor on, asks for the code too; the notice and the mail are in French", async () => {
    const { context, page, email } = await signUp(suite, "supprimer");
    const csrf = { "x-profilehub-csrf": "1" };
    const update = await page.request.post("/api/trpc/me.update", { headers: csrf, data: { locale: "fr" } });
    expect(update.ok()).toBe(true);
    const begin = await page.request.post("/api/trpc/me.totp.begin", { headers: csrf, data: {} });
    const { secretBase32 } = ((await begin.json()) as { result: { data: { secretBase32: string } } }).result.data;
    const { Secret, TOTP } = await import("otpauth");
    const codeAt = (time: number) =>
      new TOTP({ secret: Secret.fromBase32(secretBase32), digits: 6, period: 30 }).generate({ timestamp: time });
    const enable = await page.request.post("/api/trpc/me.totp.enable", {
      headers: csrf,
      data: { secretBase32, code: codeAt(Date.now() - 30_000) },
    });
    expect(enable.ok()).toBe(true);

    await page.goto("/settings/account");
    await page.getByTestId("section-delete-account").getByRole("button", { name: "Supprimer le compte…" }).click();
    const dialog = page.getByRole("dialog", { name: "Supprimer votre compte ?" });
    await dialog.getByLabel("Mot de passe actuel").fill(PASSWORD);
    await dialog.getByLabel(`Pour confirmer, saisissez votre adresse e-mail : ${email}`).fill(email);
    await dialog.getByRole("button", { name: "Supprimer mon compte" }).click();
    await dialog.getByText("Le code de double authentification est requis").waitFor();
    await dialog.getByLabel("Code de double authentification").fill(codeAt(Date.now()));
    await dialog.getByRole("button", { name: "Supprimer mon compte" }).click();
    await page.waitForURL("**/?account-deleted=fr");
    await page
      .getByTestId("account-deleted-notice")
      .getByText("Votre compte a été supprimé.", { exact: false })
      .waitFor();

    const mail = await smtp!.waitForMail((item) => item.to.includes(email) && /supprimé|deleted/.test(item.subject));
    expect(mail.subject).toBe("Votre compte ProfileHub a été supprimé");
    await context.close();
  });
});
