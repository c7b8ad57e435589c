"use client";

import { type Issue, type Locale, renderKnownReasonIn, renderProblemIn } from "@profilehub/validators";
import { createContext, type ReactNode, use, useContext, useEffect, useMemo, useState } from "react";

import type { Messages } from "./en";
import { type Formatters, formatters } from "./format";
import { loadedMessages, loadedWording, loadMessages } from "./messages";

interface I18n {
  locale: Locale;
  t: Messages;
  format: Formatters;
  /** A problem (from the shared schemas or the server), in the UI's language. */
  problem: (issue: Pick<Issue, "path" | "code" | "params">) => string;
  /** Why the server refused a call, in the UI's language; null for a reason it does not know (a newer server's). */
  refusal: (reason: string, params?: object) => string | null;
}

const I18nContext = createContext<I18n | null>(null);

/**
 * Provides the dictionary of `locale` (shipped with the page by `<LocaleMessages>`); changing
 * `locale` loads the other dictionary, then re-renders the whole UI in that language.
 */
export function I18nProvider({ locale: wanted, children }: { locale: Locale; children: ReactNode }) {
  // `wanted`'s dictionary, when this browser has it (then the switch is immediate, in the same
  // render: a language form preloads the dictionaries), else the language shown until it is here.
  const ready = loadedMessages(wanted);
  const [previous, setPrevious] = useState<Locale>(wanted);
  const locale = ready ? wanted : previous;
  const messages = ready ?? loadedMessages(previous) ?? use(loadMessages(previous));
  useEffect(() => {
    if (ready) return;
    let live = true;
    loadMessages(wanted).then(
      () => {
        if (live) setPrevious(wanted);
      },
      () => {
        // Offline: the UI stays in the language it has; the next load of a page brings the other.
      },
    );
    return () => {
      live = false;
    };
  }, [wanted, ready]);
  const value = useMemo<I18n>(() => {
    // Registered with `messages`: only this page's language ships (see `<LocaleMessages>`).
    const wording = loadedWording(locale);
    return {
      locale,
      t: messages,
      format: formatters(locale),
      problem: (issue) => renderProblemIn(wording, issue),
      refusal: (reason, params) => renderKnownReasonIn(wording, reason, params),
    };
  }, [locale, messages]);
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
