import "./globals.css";

import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";

import { ThemeScript } from "@/components/theme/theme-script";
import { currentUser } from "@/features/auth/current-user";
import { localeFromAcceptLanguage } from "@/i18n";

export const metadata: Metadata = {
  title: { default: "ProfileHub", template: "%s · ProfileHub" },
  description: "Self-hostable user profiles: one user store, one typed API, many doors.",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f9fafb" },
    { media: "(prefers-color-scheme: dark)", color: "#1a1b23" },
  ],
};

/** The page's language: the account's once signed in, else the browser's (Accept-Language). */
async function pageLocale() {
  const user = await currentUser();
  return user?.locale ?? localeFromAcceptLanguage((await headers()).get("accept-language"));
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Set by proxy.ts with the page's CSP; every page is rendered per request (this layout reads
  // the request), so each response has its own nonce.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    // The theme script sets `class="dark"` before paint; React must not fight it.
    <html lang={await pageLocale()} suppressHydrationWarning>
      <head>
        <ThemeScript nonce={nonce} />
      </head>
      <body>{children}</body>
    </html>
  );
}
