import { useFormatter, useLocale, useTranslations } from "next-intl";
import { asLocale, formatDay } from "@/components/ui/formats";
import type { EnterpriseDetail } from "@/lib/enterprises/schemas";
import { localName } from "@/lib/i18n/config";
import { chinaDay } from "@/lib/time";

/** Former names (曾用名), newest first, each with the China days it was in use. */
export function FormerNames({ names }: { names: EnterpriseDetail["formerNames"] }) {
  const t = useTranslations("registry.formerNames");
  const format = useFormatter();
  const locale = asLocale(useLocale());
  if (!names.length) return <p className="text-sm text-slate-700">{t("none")}</p>;
  const day = (iso: string) => formatDay(format, chinaDay(new Date(iso)));
  return (
    <ul className="divide-y divide-slate-200 text-sm" data-testid="former-names">
      {names.map((n) => (
        <li
          key={n.validTo}
          className="flex flex-wrap items-baseline justify-between gap-x-3 py-1.5"
        >
          <span className="font-medium text-slate-900">{localName(n, locale)}</span>
          <span className="text-xs text-slate-600">
            {t("period", { from: day(n.validFrom), to: day(n.validTo) })}
          </span>
        </li>
      ))}
    </ul>
  );
}
