import type { useFormatter } from "next-intl";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/config";

type Formatter = ReturnType<typeof useFormatter>;

/** The locale as our type (next-intl hands it over as a string). */
export function asLocale(value: string): Locale {
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

/** Pick the text of a bilingual record: titles, descriptions, industries. */
export function bilingual(
  locale: Locale,
  zh: string | null | undefined,
  en: string | null | undefined,
): string | null {
  return (locale === "en" ? (en ?? zh) : (zh ?? en)) ?? null;
}

/** Date-only values (due dates, targets): "2024年12月31日" / "Dec 31, 2024", in Beijing time. */
export function formatDay(
  format: Formatter,
  date: Date,
  style: "medium" | "long" = "medium",
): string {
  return format.dateTime(date, { dateStyle: style });
}

export function formatDateTime(format: Formatter, date: Date): string {
  return format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
}

/** A rate given in percent (72.35 -> "72.35%"). */
export function formatRate(format: Formatter, percent: number, fractionDigits = 2): string {
  return format.number(percent / 100, {
    style: "percent",
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  });
}

/** A target rate (70 -> "70%", 72.5 -> "72.5%"). */
export function formatTargetRate(format: Formatter, percent: number): string {
  return format.number(percent / 100, { style: "percent", maximumFractionDigits: 2 });
}
