"use client";

import type { ErrorReason, Issue, Locale } from "@profilehub/validators";
import { createContext, type ReactNode, useContext, useEffect, useMemo } from "react";

import { type Formatters, formatters } from "./format";
import { type Messages, messagesFor } from "./index";
import { problemText, refusalText } from "./problems";

interface I18n {
  locale: Locale;
  t: Messages;
  format: Formatters;
  /** A problem (from the shared schemas or the server), in the UI's language. */
  problem: (issue: Pick<Issue, "path" | "code" | "params">) => string;
  /** Why the server refused a call, in the UI's language. */
  refusal: (reason: ErrorReason, params?: object) => string;
}

const I18nContext = createContext<I18n | null>(null);

/** Provides the dictionary of `locale`; changing `locale` re-renders the whole UI in that language. */
export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const value = useMemo<I18n>(
    () => ({
      locale,
      t: messagesFor(locale),
      format: formatters(locale),
      problem: (issue) => problemText(issue, locale),
      refusal: (reason, params) => refusalText(reason, params, locale),
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
