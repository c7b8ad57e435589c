"use client";

import type { Locale } from "@profilehub/validators";
import { createContext, useContext, useEffect, useMemo, type ReactNode } from "react";
import { formatters, type Formatters } from "./format";
import { messagesFor, type Messages } from "./index";
import { translateIssue } from "./issues";

interface I18n {
  locale: Locale;
  t: Messages;
  format: Formatters;
  /** A validation message from the shared schemas or the server, in the UI's language. */
  issue: (message: string) => string;
}

const I18nContext = createContext<I18n | null>(null);

/** Provides the dictionary of `locale`; changing `locale` re-renders the whole UI in that language. */
export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const value = useMemo<I18n>(
    () => ({
      locale,
      t: messagesFor(locale),
      format: formatters(locale),
      issue: (message) => translateIssue(message, locale),
    }),
    [locale],
  );
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n() needs an <I18nProvider>");
  return value;
}
