"use client";

import type { Locale } from "@profilehub/validators";
import dynamic from "next/dynamic";
import type { ReactNode } from "react";

type Props = { children: ReactNode };
const passThrough = ({ children }: Props) => children;

// Each language's dictionary is its own chunk: a page preloads (and hydrates with) its language
// only; switching language later loads the other one (`loadMessages`).
const EnglishMessages = dynamic<Props>(() => import("./english-messages").then(() => passThrough));
const FrenchMessages = dynamic<Props>(() => import("./french-messages").then(() => passThrough));

/** Sends the browser the dictionary of the page's language only. Wrap every `<I18nProvider>` in it. */
export function LocaleMessages({ locale, children }: { locale: Locale; children: ReactNode }) {
  return locale === "fr" ? <FrenchMessages>{children}</FrenchMessages> : <EnglishMessages>{children}</EnglishMessages>;
}
