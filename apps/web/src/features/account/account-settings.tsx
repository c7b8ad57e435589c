"use client";

import { EmailSection } from "./email-section";
import { PasswordSection } from "./password-section";
import { TwoFactorSection } from "./two-factor-section";

/** /settings/account: email, password, two-factor. */
export function AccountSettings({ showMailbox }: { showMailbox: boolean }) {
  return (
    <div className="grid gap-6">
      <EmailSection showMailbox={showMailbox} />
      <PasswordSection />
      <TwoFactorSection />
    </div>
  );
}
