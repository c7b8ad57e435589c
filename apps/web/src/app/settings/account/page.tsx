import type { Metadata } from "next";

import { AccountSettings } from "@/features/account/account-settings";
import { requireUser } from "@/features/auth/current-user";
import { PageHeader } from "@/features/settings/page-header";
import { settingsTitle } from "@/features/settings/page-title";
import { getRuntime } from "@/server/runtime";

export const generateMetadata = (): Promise<Metadata> => settingsTitle("account");

export default async function AccountPage() {
  await requireUser("/settings/account");
  const { loaded } = await getRuntime();
  return (
    <>
      <PageHeader section="account" />
      <AccountSettings showMailbox={!loaded.config.smtpUrl} />
    </>
  );
}
