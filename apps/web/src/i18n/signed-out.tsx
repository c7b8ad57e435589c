"use client";

import { type Issue, type Locale, renderKnownReasonIn, renderProblemIn, type Wording } from "@profilehub/validators";
import dynamic from "next/dynamic";
import { createContext, type ReactNode, useContext, useEffect } from "react";

import type { SignedOutMessages } from "./en-signed-out";

/**
 * The signed-out pages' language (sign in, sign up, forgot and reset password): the browser's, for
 * the whole visit. They ship the part of the dictionary they use (`SignedOutMessages`) and the
 * wording of problems in that language only, as their own preloaded chunk — like
 * `<LocaleMessages>` and `<I18nProvider>` do with the whole dictionary on the signed-in pages.
 */
export interface SignedOutLanguage {
  locale: Locale;
  t: SignedOutMessages;
  wording: Wording;
}

export interface SignedOutI18n {
  locale: Locale;
  t: SignedOutMessages;
  /** A problem (from the shared checks or the server), in the page's language. */
  problem: (issue: Pick<Issue, "path" | "code" | "params">) => string;
  /** Why the server refused a call, in the page's language; null for a reason it does not know (a newer server's). */
  refusal: (reason: string, params?: object) => string | null;
}

const SignedOutI18nContext = createContext<SignedOutI18n | null>(null);

/** What `useSignedOutI18n()` gives for one language. */
export function signedOutI18n(language: SignedOutLanguage): SignedOutI18n {
  return {
    locale: language.locale,
    t: language.t,
    problem: (issue) => renderProblemIn(language.wording, issue),
    refusal: (reason, params) => renderKnownReasonIn(language.wording, reason, params),
  };
}

/** Provides one language, once its chunk is here. */
function provides(language: SignedOutLanguage) {
  const value = signedOutI18n(language);
  return function LanguageProvider({ children }: { children: ReactNode }) {
    useEffect(() => {
      document.documentElement.lang = language.locale;
    }, []);
    return <SignedOutI18nContext.Provider value={value}>{children}</SignedOutI18nContext.Provider>;
  };
}

// Each language's chunk, with its provider: rendering one on the server preloads that chunk
// (`<link rel="preload">`), and hydration waits for it (the page stays as the server sent it). The
// provider is the chunk's own export, so the browser loads that one chunk and no copy of it.
const EnglishSignedOut = dynamic(() => import("./english-signed-out").then((chunk) => provides(chunk.ENGLISH)));
const FrenchSignedOut = dynamic(() => import("./french-signed-out").then((chunk) => provides(chunk.FRENCH)));

/** Sends the browser `locale`'s signed-out dictionary and provides it. */
export function SignedOutI18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return locale === "fr" ? (
    <FrenchSignedOut>{children}</FrenchSignedOut>
  ) : (
    <EnglishSignedOut>{children}</EnglishSignedOut>
  );
}

export function useSignedOutI18n(): SignedOutI18n {
  const value = useContext(SignedOutI18nContext);
  if (!value) throw new Error("useSignedOutI18n() needs a <SignedOutI18nProvider>");
  return value;
}
