import { startSmtpServer, type TestSmtpServer } from "@profilehub/api/testing";
import { afterAll, describe, expect, it } from "vitest";

import { edit, expectToast, readMe, signUp, uniqueEmail, useBrowserSuite } from "./helpers";

// With SMTP_URL set, mail is really sent: no development mailbox anywhere in the UI.
let smtp: TestSmtpServer | undefined;
const suite = useBrowserSuite(async () => {
  smtp = await startSmtpServer();
  return { SMTP_URL: smtp.url };
});
afterAll(() => smtp?.close());

describe("with SMTP_URL set", () => {
  it("has no mailbox page or link, and the mailed verification link confirms the new email", async () => {
    const { context, page } = await signUp(suite, "smtp");
    const nav = page.getByRole("navigation", { name: "Settings" });
    await nav.getByRole("link", { name: "Activity" }).waitFor();
    expect(await nav.getByRole("link", { name: "Mailbox" }).count()).toBe(0);
    expect((await page.goto("/settings/mailbox"))?.status()).toBe(404);

    await page.goto("/settings/account");
    const next = uniqueEmail("smtp-new");
    await edit(page, "email");
    await page.getByLabel("New email address").fill(next);
    await page.getByRole("button", { name: "Send verification link" }).click();
    await expectToast(page, `Verification link sent to ${next}`);
    const banner = page.getByTestId("pending-email-banner");
    await banner.waitFor();
    expect(await banner.getByRole("link", { name: "development mailbox" }).count()).toBe(0);

    const mail = await smtp!.waitForMail((item) => item.to.includes(next) && /Confirm/.test(item.subject));
    const link = /https?:\/\/\S+\/api\/auth\/verify-email\?token=\S+/.exec(mail.text)![0];
    await page.goto(link);
    await page.getByTestId("verify-title").getByText("Email verified").waitFor();
    await page.goto("/settings/account");
    await page.getByTestId("current-email").getByText(next).waitFor();
    expect(await banner.count()).toBe(0);
    expect((await readMe(page)).email).toBe(next);
    await context.close();
  });
});
