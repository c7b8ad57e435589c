import type { Locale } from "@profilehub/validators";

import type { Messages } from "./en";

/**
 * The dictionaries this browser has loaded. A page ships only its language's dictionary (see
 * `<LocaleMessages>`); the other one is fetched on demand, when the user switches language.
 */
const loaded: Partial<Record<Locale, Messages>> = {};
const pending: Partial<Record<Locale, Promise<Messages>>> = {};

export function registerMessages(locale: Locale, messages: Messages): void {
  loaded[locale] = messages;
}

export function loadedMessages(locale: Locale): Messages | undefined {
  return loaded[locale];
}

/** The dictionary of `locale`, imported (once) if this page did not ship it. */
export function loadMessages(locale: Locale): Promise<Messages> {
  const ready = loaded[locale];
  if (ready) return Promise.resolve(ready);
  // The same chunks `<LocaleMessages>` loads; each registers its dictionary.
  pending[locale] ??= (locale === "fr" ? import("./french-messages") : import("./english-messages")).then(
    () => loaded[locale] as Messages,
    (error: unknown) => {
      delete pending[locale];
      throw error;
    },
  );
  return pending[locale];
}
