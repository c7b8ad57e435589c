"use client";

import type { UserView } from "@profilehub/validators";
import type { ReactNode } from "react";

import { Toaster } from "@/components/toaster";
import { I18nProvider, useI18n } from "@/i18n/provider";
import { TrpcProvider } from "@/trpc/react";

import { InitialUserContext, useMe } from "./me";
import { UnsavedChangesProvider } from "./unsaved-changes";

/** Data, language, status messages and the unsaved-changes guard of the signed-in pages. */
export function SettingsProviders({ initialUser, children }: { initialUser: UserView; children: ReactNode }) {
  return (
    <TrpcProvider redirectWhenSignedOut>
      <InitialUserContext.Provider value={initialUser}>
        <UserLanguage>{children}</UserLanguage>
      </InitialUserContext.Provider>
    </TrpcProvider>
  );
}

/** The whole signed-in UI speaks the account's language, and switches the moment it changes. */
function UserLanguage({ children }: { children: ReactNode }) {
  const { locale } = useMe();
  return (
    <I18nProvider locale={locale}>
      <UnsavedChangesGuard>
        <Toaster>{children}</Toaster>
      </UnsavedChangesGuard>
    </I18nProvider>
  );
}

function UnsavedChangesGuard({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return <UnsavedChangesProvider message={t.common.unsavedChanges}>{children}</UnsavedChangesProvider>;
}
