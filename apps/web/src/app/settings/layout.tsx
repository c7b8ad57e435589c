import type { Metadata } from "next";
import type { ReactNode } from "react";

import { currentUser } from "@/features/auth/current-user";
import { SettingsProviders } from "@/features/settings/providers";
import { SettingsShell } from "@/features/settings/shell";
import { LocaleMessages } from "@/i18n/locale-messages";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { robots: { index: false } };

/**
 * Signed-in area: the user is read on the server, so the first paint already shows their data.
 * Signed out, each page redirects to the sign-in page with itself as `next` (`requireUser`); the
 * layout does not know which page it wraps, and Next renders both at once, so it leaves that to them.
 */
export default async function SettingsLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  if (!user) return children;
  const { loaded } = await getRuntime();
  return (
    <LocaleMessages locale={user.locale}>
      <SettingsProviders initialUser={user}>
        <SettingsShell showMailbox={!loaded.config.smtpUrl}>{children}</SettingsShell>
      </SettingsProviders>
    </LocaleMessages>
  );
}
