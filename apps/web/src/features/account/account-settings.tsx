"use client";

import { useEffect } from "react";

import { DeleteAccountSection } from "./delete-account-section";
import { EmailSection } from "./email-section";
import { preloadAccountSchemas } from "./form-schemas-loader";
import { PasswordSection } from "./password-section";
import { TwoFactorSection } from "./two-factor-section";

/** /settings/account: email, password, two-factor, and the danger zone (delete the account). */
export function AccountSettings({ showMailbox }: { showMailbox: boolean }) {
  useEffect(preloadAccountSchemas, []);
  return (
    <div className="grid gap-6">
      <EmailSection showMailbox={showMailbox} />
      <PasswordSection />
      <TwoFactorSection />
      <DeleteAccountSection />
    </div>
  );
}
