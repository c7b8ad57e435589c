import type { Locale } from "@profilehub/validators";

import { en, type Messages } from "./en";
import { fr } from "./fr";

export type { Messages };
export type { Locale };

export const dictionaries: Record<Locale, Messages> = { en, fr };

export function messagesFor(locale: Locale): Messages {
  return dictionaries[locale];
}

/**
 * The pages seen before signing in follow the browser's `Accept-Language` (French when it is
 * preferred over English); once signed in, the UI follows the account's `locale`.
 */
export function localeFromAcceptLanguage(header: string | null): Locale {
  if (!header) return "en";
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.find((param) => param.trim().startsWith("q="));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((entry) => entry.tag && !Number.isNaN(entry.q))
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith("fr")) return "fr";
    if (tag.startsWith("en")) return "en";
  }
  return "en";
}
