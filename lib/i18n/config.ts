/** Locales of the interface. zh-CN is the default: the users work in Chinese. */
export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh-CN";
export const LOCALE_COOKIE = "NEXT_LOCALE";
/** The clock owns the zone; re-exported for next-intl and existing imports. */
export { TIME_ZONE } from "@/lib/time";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** Cookie first (the user's explicit choice), then Accept-Language, then the default. */
export function pickLocale(cookieValue: string | undefined, acceptLanguage: string | null): Locale {
  if (isLocale(cookieValue)) return cookieValue;
  const first = acceptLanguage?.split(",")[0]?.trim().toLowerCase() ?? "";
  if (first.startsWith("en")) return "en";
  return DEFAULT_LOCALE;
}

/** The name of a bilingual record in the user's language (names are stored in both). */
export function localName<T extends { nameZh: string; nameEn: string }>(
  row: T,
  locale: Locale,
): string {
  return locale === "en" ? row.nameEn : row.nameZh;
}
