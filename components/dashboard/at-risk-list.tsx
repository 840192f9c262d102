import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { ColourBadge } from "@/components/ui/colour-badge";
import { asLocale, bilingual, formatDay } from "@/components/ui/formats";
import { table } from "@/components/ui/section";
import { inlineLink } from "@/components/ui/styles";
import type { DashboardDto } from "@/lib/dashboard/schemas";
import { localName } from "@/lib/i18n/config";
import { parseIsoDay } from "@/lib/time";
import { ledgerHref } from "./links";

/** Red and yellow main tasks, each linking to its item, and the way to all of them. */
export function AtRiskList({
  atRisk,
}: {
  /** A capped count (lib/dashboard/at-risk.ts) shows as "1,000+". */
  atRisk: DashboardDto["atRisk"];
}) {
  const t = useTranslations("dashboard.atRisk");
  const format = useFormatter();
  const locale = asLocale(useLocale());
  if (!atRisk.items.length) return <p className="text-sm text-slate-700">{t("empty")}</p>;
  return (
    <div className="space-y-3">
      <div className={`${table.wrapper} relative`}>
        <table className={table.table} data-testid="at-risk-table">
          <caption className="sr-only">{t("caption")}</caption>
          <thead>
            <tr>
              <th scope="col" className={table.th}>
                {t("task")}
              </th>
              <th scope="col" className={table.th}>
                {t("enterprise")}
              </th>
              <th scope="col" className={table.th}>
                {t("due")}
              </th>
              <th scope="col" className={table.th}>
                {t("colour")}
              </th>
            </tr>
          </thead>
          <tbody>
            {atRisk.items.map((item) => (
              <tr key={item.id} className={table.tr}>
                <th scope="row" className={`${table.td} text-left font-normal`}>
                  <Link href={`/ledger/${item.id}`} className={table.link}>
                    <span className="font-mono text-xs text-slate-600">{item.task.code}</span>{" "}
                    {bilingual(locale, item.task.titleZh, item.task.titleEn)}
                  </Link>
                </th>
                <td className={table.td}>{localName(item.enterprise, locale)}</td>
                <td className={`${table.td} whitespace-nowrap tabular-nums`}>
                  {formatDay(format, parseIsoDay(item.dueDate))}
                </td>
                <td className={table.td}>
                  <ColourBadge colour={item.colour} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Link
        href={ledgerHref(atRisk.drillDown)}
        className={`${inlineLink} text-sm`}
        data-testid="at-risk-all"
      >
        {t("seeAll", { count: `${format.number(atRisk.total)}${atRisk.totalCapped ? "+" : ""}` })}
      </Link>
    </div>
  );
}
