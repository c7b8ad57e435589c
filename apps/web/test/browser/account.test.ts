import { Secret, TOTP } from "otpauth";
import { describe, expect, it } from "vitest";

import {
  edit,
  expectToast,
  fillSignIn,
  newPage,
  PASSWORD,
  readMe,
  signUp,
  uniqueEmail,
  useBrowserSuite,
} from "./helpers";

// /settings/account, sessions and signing in and out, in real Chromium against `npm start`.
const suite = useBrowserSuite();

describe("/settings/account", () => {
  it("changes the email through the development mailbox: pending banner, resend, verify, banner gone", async () => {
    const { context, page, email } = await signUp(suite, "email");
    await page.getByRole("link", { name: "Account" }).click();
    await page.getByRole("heading", { level: 1, name: "Account" }).waitFor();

    // A change, then "cancel": the pending address goes away, the current one stays.
    await edit(page, "email");
    await page.getByLabel("New email address").fill(uniqueEmail("abandoned"));
    await page.getByRole("button", { name: "Send verification link" }).click();
    const banner = page.getByTestId("pending-email-banner");
    await banner.waitFor();
    await banner.getByRole("button", { name: "Cancel change" }).click();
    await expectToast(page, "Email change cancelled");
    await banner.waitFor({ state: "detached" });
    expect((await readMe(page)).pendingEmail).toBeNull();

    const next = uniqueEmail("moved");
    await edit(page, "email");
    await page.getByLabel("New email address").fill(next.toUpperCase());
    await page.getByRole("button", { name: "Send verification link" }).click();
    await expectToast(page, `Verification link sent to ${next}`);
    await banner.getByText(`We sent a link to ${next}`).waitFor();
    expect(await page.getByTestId("current-email").innerText()).toBe(email);
    await banner.getByRole("button", { name: "Resend link" }).click();
    await expectToast(page, "Verification link sent again");

    await banner.getByRole("link", { name: "development mailbox" }).click();
    await page.getByRole("heading", { level: 1, name: "Development mailbox" }).waitFor();
    const mail = page.getByTestId("mail").filter({ hasText: "Confirm your new email address" }).first();
    await mail.getByText(`To ${next}`, { exact: true }).waitFor();
    await mail.getByRole("link", { name: /\/api\/auth\/verify-email\?token=/ }).click();
    await page.getByTestId("verify-title").getByText("Email verified").waitFor();

    await page.goto("/settings/account");
    await page.getByTestId("current-email").getByText(next).waitFor();
    expect(await page.getByTestId("pending-email-banner").count()).toBe(0);
    await page.getByTestId("section-email").getByText("Verified").waitFor();
    expect(await readMe(page)).toMatchObject({ email: next, pendingEmail: null, emailVerified: true });
    await context.close();
  });

  it("changes the password: an older session elsewhere is signed out, the new password signs in", async () => {
    const { context, page, email } = await signUp(suite, "password");
    const older = await newPage(suite);
    await fillSignIn(older.page, email);
    await older.page.waitForURL("**/settings");

    await page.goto("/settings/account");
    await page.getByLabel("Current password").fill(PASSWORD);
    await page.getByLabel("New password", { exact: true }).fill("Tr0ub4dor&3-horse");
    await page.getByRole("meter", { name: "Password strength" }).waitFor();
    expect(await page.getByTestId("password-strength").innerText()).toMatch(/Good|Strong/);
    await page.getByLabel("Confirm new password").fill("Tr0ub4dor&3-horse-typo");
    await page.getByRole("button", { name: "Change password" }).click();
    await page.locator("#confirmPassword-error").getByText("The two passwords do not match.").waitFor();
    await page.getByLabel("Confirm new password").fill("Tr0ub4dor&3-horse");
    expect(await page.getByLabel("Sign out of all other devices").isChecked()).toBe(true);
    await page.getByRole("button", { name: "Change password" }).click();
    await expectToast(page, "Password changed. Your other devices were signed out.");

    // The older session is rejected: its next page load goes to the sign-in page.
    await older.page.reload();
    await older.page.waitForURL("**/sign-in?next=%2Fsettings"); // and back there once signed in
    await older.page.getByRole("heading", { name: "Sign in" }).waitFor();
    // The session that changed the password stays signed in.
    await page.reload();
    expect(page.url()).toMatch(/\/settings\/account$/);

    await fillSignIn(older.page, email, PASSWORD);
    await older.page.getByTestId("sign-in-error").getByText("Wrong email or password.").waitFor();
    await fillSignIn(older.page, email, "Tr0ub4dor&3-horse");
    await older.page.waitForURL("**/settings");
    await older.context.close();
    await context.close();
  });

  it("enrols two-factor with a code from an authenticator, then signing in asks for a code; sign out", async () => {
    const { context, page, email } = await signUp(suite, "totp");
    await page.goto("/settings/account");
    await page.getByRole("button", { name: "Set up" }).click();
    const qr = page.getByTestId("totp-qr");
    await qr.waitFor();
    expect(await qr.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(100);
    const secret = (await page.getByTestId("totp-secret").getAttribute("data-secret"))!;
    const totp = new TOTP({ secret: Secret.fromBase32(secret) });

    await page.getByLabel("6-digit code").fill("12345");
    await page.getByRole("button", { name: "Turn on" }).click();
    await page.locator("#totp-code-error").getByText("The two-factor code is 6 digits").waitFor();
    await page.getByLabel("6-digit code").fill(totp.generate());
    await page.getByRole("button", { name: "Turn on" }).click();
    await expectToast(page, "Two-factor authentication is on");
    await page.getByTestId("totp-status").getByText("On").waitFor();
    expect((await readMe(page)).totpEnabled).toBe(true);

    // Sign out from the header's account menu.
    await page.getByTestId("account-menu").click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await page.waitForURL((url) => url.pathname === "/sign-in");
    await page.goto("/settings");
    await page.waitForURL("**/sign-in?next=%2Fsettings");

    await fillSignIn(page, email);
    await page.getByRole("heading", { name: "Two-factor code" }).waitFor();
    await page.getByLabel("6-digit code").fill(wrongCode(totp));
    await page.getByRole("button", { name: "Verify and sign in" }).click();
    await page
      .locator("#totp-error")
      .getByText(/wrong or was already used/)
      .waitFor();
    // The code that turned 2FA on is spent: use the next time step's (accepted within ±1 step).
    await page.getByLabel("6-digit code").fill(totp.generate({ timestamp: Date.now() + 30_000 }));
    await page.getByRole("button", { name: "Verify and sign in" }).click();
    await page.waitForURL("**/settings");
    await page.getByRole("heading", { level: 1, name: "Profile" }).waitFor();
    await context.close();
  });

  it("turns two-factor off with a fresh code (a spent one is refused); signing in then asks for none", async () => {
    const { context, page, email } = await signUp(suite, "totp-off");
    await page.goto("/settings/account");
    await page.getByRole("button", { name: "Set up" }).click();
    const secret = (await page.getByTestId("totp-secret").getAttribute("data-secret"))!;
    const totp = new TOTP({ secret: Secret.fromBase32(secret) });
    // Turn on with the previous time step's code (accepted within ±1 step), keeping the current one unspent.
    const spent = totp.generate({ timestamp: Date.now() - 30_000 });
    await page.getByLabel("6-digit code").fill(spent);
    await page.getByRole("button", { name: "Turn on" }).click();
    await page.getByTestId("totp-status").getByText("On").waitFor();
    // The recovery codes are shown once; "Turn off" comes back once they are saved.
    await page.getByRole("button", { name: "I saved them" }).click();

    await page.getByRole("button", { name: "Turn off" }).click();
    await page.getByLabel("6-digit code").fill(spent);
    await page.getByRole("button", { name: "Turn off" }).click();
    await page
      .locator("#totp-code-error")
      .getByText(/wrong or was already used/)
      .waitFor();
    expect((await readMe(page)).totpEnabled).toBe(true);
    await page.getByLabel("6-digit code").fill(totp.generate());
    await page.getByRole("button", { name: "Turn off" }).click();
    await expectToast(page, "Two-factor authentication is off");
    await page.getByTestId("totp-status").getByText("Off").waitFor();
    expect((await readMe(page)).totpEnabled).toBe(false);

    const later = await newPage(suite);
    await fillSignIn(later.page, email);
    await later.page.waitForURL("**/settings");
    await later.context.close();
    await context.close();
  });
});

describe("/settings/sessions and /settings/activity", () => {
  it("lists sessions with this device marked, revokes one, then signs out everywhere else", async () => {
    const { context, page, email } = await signUp(suite, "sessions");
    const second = await newPage(suite, {
      userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Safari/604.1",
    });
    await fillSignIn(second.page, email);
    await second.page.waitForURL("**/settings");
    const third = await newPage(suite, { userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Firefox/128.0" });
    await fillSignIn(third.page, email);
    await third.page.waitForURL("**/settings");

    await page.goto("/settings/sessions");
    const rows = page.getByTestId("session");
    await expect.poll(() => rows.count()).toBe(3);
    await rows
      .filter({ has: page.getByTestId("this-device") })
      .getByText("Chrome on Linux")
      .waitFor();
    await rows
      .filter({ hasText: "Safari on iOS" })
      .getByText(/Active now/)
      .waitFor();
    await page.getByRole("button", { name: "Revoke the session on Safari on iOS" }).click();
    await expectToast(page, "Session revoked");
    await expect.poll(() => rows.count()).toBe(2);
    await second.page.reload();
    await second.page.waitForURL((url) => url.pathname === "/sign-in");

    // Asks first; "Cancel" signs nobody out.
    await page.getByRole("button", { name: "Sign out everywhere else" }).click();
    const confirm = page.getByRole("dialog", { name: "Sign out everywhere else?" });
    await confirm.getByText("The other device will be signed out").waitFor();
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await confirm.waitFor({ state: "detached" });
    expect(await rows.count()).toBe(2);
    // Focus is back on the button that opened the dialog.
    const signOutOthers = page.getByRole("button", { name: "Sign out everywhere else" });
    await expect.poll(() => signOutOthers.evaluate((button) => button === document.activeElement)).toBe(true);
    await signOutOthers.click();
    await confirm.getByRole("button", { name: "Sign out everywhere else" }).click();
    await expectToast(page, "1 other session signed out");
    await expect.poll(() => rows.count()).toBe(1);
    await third.page.reload();
    await third.page.waitForURL((url) => url.pathname === "/sign-in");
    await Promise.all([second.context.close(), third.context.close()]);
    await context.close();
  });

  it("shows what changed, when and through which door, secrets as “changed”", async () => {
    const { context, page } = await signUp(suite, "activity");
    await edit(page, "displayName");
    await page.getByLabel("Display name").fill("Katherine Johnson");
    await page.getByRole("button", { name: "Save" }).click();
    await expectToast(page, "Display name saved");
    await page.goto("/settings/account");
    await page.getByLabel("Current password").fill(PASSWORD);
    await page.getByLabel("New password", { exact: true }).fill("a whole new passphrase");
    await page.getByLabel("Confirm new password").fill("a whole new passphrase");
    await page.getByRole("button", { name: "Change password" }).click();
    await expectToast(page, /Password changed/);

    await page.getByRole("link", { name: "Activity" }).click();
    const entries = page.getByTestId("activity-entry");
    await expect.poll(() => entries.count()).toBe(3);
    const [password, name, created] = [entries.nth(0), entries.nth(1), entries.nth(2)];
    await password.getByTestId("activity-change").filter({ hasText: "Password" }).getByText("changed").waitFor();
    await password.getByText("via Settings app").waitFor();
    await name.getByTestId("activity-change").getByText("Katherine Johnson").waitFor();
    await created.getByText("Account created").waitFor();
    await created.getByText("via Settings app").waitFor(); // signed up on the sign-up page
    expect(await page.getByText("[redacted]").count()).toBe(0);

    // Older entries come a page (20) at a time.
    for (let index = 1; index <= 20; index += 1) {
      const response = await page.request.post("/api/trpc/me.update", {
        headers: { "x-profilehub-csrf": "1", "content-type": "application/json" },
        data: { bio: `Revision ${index}` },
      });
      expect(response.status()).toBe(200);
    }
    await page.reload();
    await expect.poll(() => entries.count()).toBe(20);
    await entries.first().getByText("Revision 20").waitFor();
    await page.getByRole("button", { name: "Load more" }).click();
    await expect.poll(() => entries.count()).toBe(23);
    await page.getByText("That’s everything.").waitFor();
    await entries.last().getByText("Account created").waitFor();
    await context.close();
  });
});

/** A 6-digit code that is valid in none of the accepted time steps. */
function wrongCode(totp: TOTP): string {
  const valid = new Set(
    [-30_000, 0, 30_000, 60_000].map((offset) => totp.generate({ timestamp: Date.now() + offset })),
  );
  for (let candidate = 0; ; candidate += 1) {
    const code = String(candidate).padStart(6, "0");
    if (!valid.has(code)) return code;
  }
}
