import { Secret, TOTP } from "otpauth";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";

import {
  edit,
  expectToast,
  fillSignIn,
  newPage,
  screenshotPath,
  signUp,
  uniqueEmail,
  useBrowserSuite,
} from "./helpers";

// Security alerts and the security story on /settings/activity, in real Chromium against `npm start`
// (no SMTP_URL: the mails are read from the account's development mailbox, i.e. the outbox).
const suite = useBrowserSuite();
const IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Version/17.5 Mobile/15E148 Safari/604.1";
const NEW_PASSWORD = "a-fresh-Passw0rd-after-reset";

/** The mail in the account's development mailbox with this subject (the newest first). */
async function mailboxLink(page: Page, subject: string, link: RegExp) {
  await page.goto("/settings/mailbox");
  const mail = page.getByTestId("mail").filter({ hasText: subject }).first();
  await mail.waitFor();
  return mail.getByRole("link", { name: link }).getAttribute("href");
}

describe("security events", () => {
  it("mails an alert for a new sign-in, and Activity tells every security event with door and device", async () => {
    suite.server.secrets.add(NEW_PASSWORD);
    const owner = await signUp(suite, "alerts");
    const { page } = owner;
    await page.getByLabel("Security alerts by email").click();
    await page.getByTestId("notifications-save").click();
    await expectToast(page, "Notifications saved");

    // A new sign-in from a second browser: an alert mail says which device, and when.
    const laptop = await newPage(suite);
    await fillSignIn(laptop.page, owner.email);
    await laptop.page.waitForURL("**/settings");
    await page.goto("/settings/mailbox");
    const alert = page.getByTestId("mail").filter({ hasText: "New sign-in to your account" });
    await alert.first().getByText(`To ${owner.email}`, { exact: true }).waitFor();
    await alert
      .first()
      .getByText(/Device: Chrome on Linux\./)
      .waitFor();
    await alert
      .first()
      .getByText(/When: \d{1,2} \w+ \d{4}\D+\d{2}:\d{2} UTC\./)
      .waitFor();
    // ... and signing out there is a sign-out.
    await laptop.page.getByTestId("account-menu").click();
    await laptop.page.getByRole("menuitem", { name: "Sign out" }).click();
    await laptop.page.waitForURL((url) => url.pathname === "/sign-in");

    // A phone, revoked from Sessions.
    const phone = await newPage(suite, { userAgent: IPHONE });
    await fillSignIn(phone.page, owner.email);
    await phone.page.waitForURL("**/settings");
    await page.goto("/settings/sessions");
    await page.getByRole("button", { name: "Revoke the session on Safari on iOS" }).click();
    await expectToast(page, "Session revoked");
    await page.goto("/settings/mailbox");
    await expect.poll(() => page.getByTestId("mail").filter({ hasText: "New sign-in" }).count()).toBe(2);

    // Email change, confirmed from the link mailed to the new address.
    const newEmail = uniqueEmail("alerts-new");
    await page.goto("/settings/account");
    await edit(page, "email");
    await page.getByLabel("New email address").fill(newEmail);
    await page.getByRole("button", { name: "Send verification link" }).click();
    await expectToast(page, `Verification link sent to ${newEmail}`);
    const confirm = await mailboxLink(page, "Confirm your new email address", /verify-email\?token=/);
    suite.server.secrets.add(new URL(confirm!).searchParams.get("token")!);
    await page.goto(confirm!);
    await page.getByTestId("verify-title").getByText("Email verified").waitFor();
    await page.goto("/settings/mailbox");
    await page
      .getByTestId("mail")
      .filter({ hasText: "Your email address was changed" })
      .getByText(`To ${owner.email}`, { exact: true }) // the old address hears of it
      .waitFor();

    // Two-factor on, then off.
    await page.goto("/settings/account");
    await page.getByRole("button", { name: "Set up" }).click();
    const secret = (await page.getByTestId("totp-secret").getAttribute("data-secret"))!;
    const totp = new TOTP({ secret: Secret.fromBase32(secret) });
    await page.getByLabel("6-digit code").fill(totp.generate({ timestamp: Date.now() - 30_000 }));
    await page.getByRole("button", { name: "Turn on" }).click();
    await expectToast(page, "Two-factor authentication is on");
    await page.getByRole("button", { name: "I saved them" }).click(); // the recovery codes, shown once
    await page.getByRole("button", { name: "Turn off" }).click();
    await page.getByLabel("6-digit code").fill(totp.generate());
    await page.getByRole("button", { name: "Turn off" }).click();
    await expectToast(page, "Two-factor authentication is off");

    // Forgot password → mailed link → reset (every session ends) → sign in again.
    await laptop.page.goto("/forgot-password");
    await laptop.page.getByLabel("Email").fill(newEmail);
    await laptop.page.getByRole("button", { name: "Send the link" }).click();
    await laptop.page.getByRole("heading", { level: 1, name: "Check your inbox" }).waitFor();
    const reset = await mailboxLink(page, "Reset your password", /\/reset-password\?token=/);
    suite.server.secrets.add(new URL(reset!).searchParams.get("token")!);
    await laptop.page.goto(reset!);
    await laptop.page.getByLabel("New password").fill(NEW_PASSWORD);
    await laptop.page.keyboard.press("Enter");
    await laptop.page.getByRole("heading", { level: 1, name: "Password changed" }).waitFor();
    await fillSignIn(page, newEmail, NEW_PASSWORD);
    await page.waitForURL("**/settings");

    await page.goto("/settings/activity");
    const entry = (action: string) => page.locator(`[data-testid="activity-entry"][data-action="${action}"]`);
    await expect.poll(() => entry("security.sign_in").count()).toBe(3);
    await entry("security.sign_in").first().getByText("Signed in").waitFor();
    await entry("security.sign_in").first().getByText("via Settings app").waitFor();
    await entry("security.sign_in")
      .first()
      .getByTestId("activity-device")
      .getByText(/Chrome on Linux/)
      .waitFor();
    await entry("security.sign_in")
      .nth(1)
      .getByTestId("activity-device")
      .getByText(/Safari on iOS/)
      .waitFor();
    await entry("security.sign_out").getByText("Signed out").waitFor();
    await entry("security.sign_out")
      .getByText(/Chrome on Linux/)
      .waitFor();
    await entry("security.session_revoked").getByText("Session revoked").waitFor();
    await entry("security.session_revoked")
      .getByTestId("activity-device")
      .getByText(/Safari on iOS/)
      .waitFor();
    const email = entry("security.email_changed").getByTestId("activity-change").filter({ hasText: "Email" }).first();
    await email.getByText(owner.email, { exact: true }).waitFor();
    await email.getByText(newEmail, { exact: true }).waitFor();
    const on = entry("security.totp_enabled").getByTestId("activity-change");
    expect(await on.innerText()).toMatch(/Two-factor\s*off\s*on/);
    const off = entry("security.totp_disabled").getByTestId("activity-change");
    expect(await off.innerText()).toMatch(/Two-factor\s*on\s*off/);
    await entry("security.password_reset").getByText("Password reset").waitFor();
    expect(await page.getByText("[redacted]").count()).toBe(0);
    await page.screenshot({ path: screenshotPath("activity-security-desktop-light"), fullPage: true });

    // The same page in French.
    const response = await page.request.post("/api/trpc/me.update", {
      headers: { "x-profilehub-csrf": "1", "content-type": "application/json" },
      data: { locale: "fr" },
    });
    expect(response.status()).toBe(200);
    await page.reload();
    await entry("security.totp_enabled").getByText("Double authentification activée").first().waitFor();
    expect(await entry("security.totp_enabled").getByTestId("activity-change").innerText()).toMatch(
      /Double authentification\s*désactivée\s*activée/,
    );
    await entry("security.session_revoked").getByText("Session révoquée").waitFor();
    await entry("security.sign_in").first().getByText("via Application des paramètres").waitFor();
    await page.screenshot({ path: screenshotPath("activity-security-desktop-light-fr"), fullPage: true });

    // Mails follow the account's language too: the next alert is in French.
    const tablet = await newPage(suite);
    await fillSignIn(tablet.page, newEmail, NEW_PASSWORD);
    await tablet.page.waitForURL("**/settings");
    await page.goto("/settings/mailbox");
    await page.getByTestId("mail").filter({ hasText: "Nouvelle connexion à votre compte" }).first().waitFor();
    expect(owner.errors).toEqual([]);
    await Promise.all([tablet.context.close(), phone.context.close(), laptop.context.close()]);
    await owner.context.close();
  });
});
