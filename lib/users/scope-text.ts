import { localName, type Locale } from "@/lib/i18n/config";

type Grants = {
  scopeAll: boolean;
  supervisors: { nameZh: string; nameEn: string }[];
  enterprises: { nameZh: string; nameEn: string }[];
};

/** A user's grants in one line: national, or the supervisors and enterprises by name. Client-safe. */
export function scopeText(user: Grants, locale: Locale, all: string, none: string): string {
  if (user.scopeAll) return all;
  const names = [...user.supervisors, ...user.enterprises].map((g) => localName(g, locale));
  return names.length ? names.join(locale === "en" ? "; " : "、") : none;
}
