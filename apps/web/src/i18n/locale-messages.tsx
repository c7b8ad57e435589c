"use client";

import type { Locale } from "@profilehub/validators";
import dynamic from "next/dynamic";
import type { ReactNode } from "react";

const nothing = () => null;

// Each language's dictionary is its own chunk; rendering one of these on the server preloads it
// (`<link rel="preload">`) and loading it registers the dictionary.
const EnglishMessages = dynamic(() => import("./english-messages").then(() => nothing));
const FrenchMessages = dynamic(() => import("./french-messages").then(() => nothing));

/**
 * Sends the browser the dictionary of the page's language only; put it beside every
 * `<I18nProvider>`, which waits for that dictionary (hydration, or a client-side navigation, waits
 * with the page as it is: no flash of empty content). Switching language later loads the other one.
 */
export function LocaleMessages({ locale, children }: { locale: Locale; children: ReactNode }) {
  return (
    <>
      {locale === "fr" ? <FrenchMessages /> : <EnglishMessages />}
      {children}
    </>
  );
}
