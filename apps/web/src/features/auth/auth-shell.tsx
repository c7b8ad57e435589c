"use client";

import type { Locale } from "@profilehub/validators";
import type { ReactNode } from "react";

import { Brand } from "@/components/brand";
import { ThemeToggle } from "@/components/theme/theme-toggle";
import { SignedOutI18nProvider, useSignedOutI18n } from "@/i18n/signed-out";

/** The signed-out pages: a centered card, in the browser's language. */
export function AuthShell({ locale, children }: { locale: Locale; children: ReactNode }) {
  return (
    <SignedOutI18nProvider locale={locale}>
      <Frame>{children}</Frame>
    </SignedOutI18nProvider>
  );
}

function Frame({ children }: { children: ReactNode }) {
  const { t } = useSignedOutI18n();
  return (
    <div className="flex min-h-dvh flex-col bg-[radial-gradient(ellipse_at_top,var(--color-accent),transparent_60%)]">
      <header className="mx-auto flex h-14 w-full max-w-6xl items-center justify-between px-4 sm:px-6">
        <Brand label={t.header.home} />
        <ThemeToggle labels={t.theme} />
      </header>
      <main id="content" className="flex flex-1 items-start justify-center px-4 pt-8 pb-16 sm:pt-16">
        <div className="w-full max-w-sm">{children}</div>
      </main>
    </div>
  );
}
