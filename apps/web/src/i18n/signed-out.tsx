"use client";

import {
  type ErrorReason,
  type Issue,
  type Locale,
  renderProblemIn,
  renderReasonIn,
  type Wording,
} from "@profilehub/validators";
import dynamic from "next/dynamic";
import { createContext, type ReactNode, use, useContext, useEffect, useMemo } from "react";

import type { SignedOutMessages } from "./en-signed-out";

/**
 * The signed-out pages' language (sign in, sign up, forgot and reset password): the browser's, for
 * the whole visit. They ship the part of the dictionary they use (`SignedOutMessages`) and the
 * wording of problems in that language only, as their own preloaded chunk — like
 * `<LocaleMessages>` and `<I18nProvider>` do with the whole dictionary on the signed-in pages.
 */
interface SignedOutLanguage {
  t: SignedOutMessages;
  wording: Wording;
}

const loaded: Partial<Record<Locale, SignedOutLanguage>> = {};
const pending: Partial<Record<Locale, Promise<SignedOutLanguage>>> = {};

export function registerSignedOutMessages(locale: Locale, t: SignedOutMessages, wording: Wording): void {
  loaded[locale] = { t, wording };
}

function loadLanguage(locale: Locale): Promise<SignedOutLanguage> {
  pending[locale] ??= (locale === "fr" ? import("./french-signed-out") : import("./english-signed-out")).then(
    () => loaded[locale] as SignedOutLanguage,
    (error: unknown) => {
      delete pending[locale];
      throw error;
    },
  );
  return pending[locale];
}

const nothing = () => null;

// Each language's chunk; rendering one on the server preloads it (`<link rel="preload">`).
const EnglishSignedOut = dynamic(() => import("./english-signed-out").then(() => nothing));
const FrenchSignedOut = dynamic(() => import("./french-signed-out").then(() => nothing));

interface SignedOutI18n {
  locale: Locale;
  t: SignedOutMessages;
  /** A problem (from the shared checks or the server), in the page's language. */
  problem: (issue: Pick<Issue, "path" | "code" | "params">) => string;
  /** Why the server refused a call, in the page's language. */
  refusal: (reason: ErrorReason, params?: object) => string;
}

const SignedOutI18nContext = createContext<SignedOutI18n | null>(null);

/** Sends the browser `locale`'s signed-out dictionary and provides it (hydration waits for it). */
export function SignedOutI18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const language = loaded[locale] ?? use(loadLanguage(locale));
  const value = useMemo<SignedOutI18n>(
    () => ({
      locale,
      t: language.t,
      problem: (issue) => renderProblemIn(language.wording, issue),
      refusal: (reason, params) => renderReasonIn(language.wording, reason, params),
    }),
    [locale, language],
  );
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <>
      {locale === "fr" ? <FrenchSignedOut /> : <EnglishSignedOut />}
      <SignedOutI18nContext.Provider value={value}>{children}</SignedOutI18nContext.Provider>
    </>
  );
}

export function useSignedOutI18n(): SignedOutI18n {
  const value = useContext(SignedOutI18nContext);
  if (!value) throw new Error("useSignedOutI18n() needs a <SignedOutI18nProvider>");
  return value;
}
