import type { Locale, Wording } from "@profilehub/validators";

import type { Messages } from "./en";

/**
 * The dictionaries this browser has loaded, each with its language's wording of problems and
 * refusals (from @profilehub/validators). A page ships only its language's (see
 * `<LocaleMessages>`); the other one is fetched on demand, when the user switches language.
 */
const loaded: Partial<Record<Locale, Messages>> = {};
const wordings: Partial<Record<Locale, Wording>> = {};
const pending: Partial<Record<Locale, Promise<Messages>>> = {};

export function registerMessages(locale: Locale, messages: Messages, wording: Wording): void {
  loaded[locale] = messages;
  wordings[locale] = wording;
}

/** The wording of problems and refusals in `locale`, registered with its dictionary (loaded first). */
export function loadedWording(locale: Locale): Wording {
  const wording = wordings[locale];
  if (!wording) throw new Error(`the ${locale} dictionary is not loaded`);
  return wording;
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
