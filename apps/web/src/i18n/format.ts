import type { Locale } from "@profilehub/validators";

const INTL_LOCALE: Record<Locale, string> = { en: "en-GB", fr: "fr-FR" };

/** Dates and times written the way the chosen language writes them. */
export function formatters(locale: Locale) {
  const tag = INTL_LOCALE[locale];
  const dateTime = new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeStyle: "short" });
  const date = new Intl.DateTimeFormat(tag, { dateStyle: "long", timeZone: "UTC" });
  const relative = new Intl.RelativeTimeFormat(tag, { numeric: "auto" });
  const number = new Intl.NumberFormat(tag, { maximumFractionDigits: 1 });
  const coordinate = new Intl.NumberFormat(tag, { maximumFractionDigits: 6 });
  return {
    /** A moment: "22 Nov 2026, 09:15". */
    dateTime: (iso: string) => dateTime.format(new Date(iso)),
    /** A calendar date (`YYYY-MM-DD`): "4 July 1990", never shifted by the time zone. */
    date: (isoDate: string) => date.format(new Date(`${isoDate}T00:00:00Z`)),
    /** "5 minutes ago", "yesterday". */
    relative: (iso: string, now = Date.now()) => {
      const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
      const abs = Math.abs(seconds);
      if (abs < 45) return relative.format(0, "second");
      if (abs < 45 * 60) return relative.format(Math.round(seconds / 60), "minute");
      if (abs < 22 * 3600) return relative.format(Math.round(seconds / 3600), "hour");
      if (abs < 26 * 86400) return relative.format(Math.round(seconds / 86400), "day");
      if (abs < 320 * 86400) return relative.format(Math.round(seconds / (30 * 86400)), "month");
      return relative.format(Math.round(seconds / (365 * 86400)), "year");
    },
    number: (value: number) => number.format(value),
    /** Degrees of latitude or longitude, to the precision stored. */
    coordinate: (value: number) => coordinate.format(value),
  };
}

export type Formatters = ReturnType<typeof formatters>;
