import { type Locale, LOCALES } from "@profilehub/validators";

import type { RenderedMail } from "./templates";

/** One mail in every language the app speaks: the statement that queues it picks the account's. */
export type LocalizedMail = Record<Locale, RenderedMail>;

/** Renders a mail once per locale (the account's language is read in the queuing statement). */
export function inEveryLocale(render: (locale: Locale) => RenderedMail): LocalizedMail {
  return Object.fromEntries(LOCALES.map((locale) => [locale, render(locale)])) as LocalizedMail;
}

/** A stored `users.locale` as one of ours (anything unknown reads as English). */
export function asLocale(value: string | null | undefined): Locale {
  return (LOCALES as readonly string[]).includes(value ?? "") ? (value as Locale) : "en";
}
