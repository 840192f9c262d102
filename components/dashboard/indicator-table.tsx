import { useFormatter, useLocale, useTranslations } from "next-intl";
import { asLocale } from "@/components/ui/formats";
import { table } from "@/components/ui/section";
import type { DashboardDto } from "@/lib/dashboard/schemas";
import { localName } from "@/lib/i18n/config";
import { INDICATOR_UNITS } from "@/lib/ledger/schemas";

const isUnit = (u: string): u is (typeof INDICATOR_UNITS)[number] =>
  (INDICATOR_UNITS as readonly string[]).includes(u);

/** Indicator totals rolled up over the node's tree, each in its own unit. */
export function IndicatorTable({ indicators }: { indicators: DashboardDto["indicators"] }) {
  const t = useTranslations("dashboard.indicators");
  const tu = useTranslations("indicatorUnit");
  const none = useTranslations("common")("none");
  const format = useFormatter();
  const locale = asLocale(useLocale());
  const num = (v: number | null) =>
    v === null ? none : format.number(v, { maximumFractionDigits: 2 });
  if (!indicators.length) return <p className="text-sm text-slate-700">{t("empty")}</p>;
  return (
    <div className={`${table.wrapper} relative`}>
      <table className={table.table} data-testid="indicator-table">
        <caption className="sr-only">{t("caption")}</caption>
        <thead>
          <tr>
            <th scope="col" className={table.th}>
              {t("name")}
            </th>
            <th scope="col" className={table.th}>
              {t("unit")}
            </th>
            {(["baseline", "target", "actual", "items"] as const).map((key) => (
              <th key={key} scope="col" className={table.thNum}>
                {t(key)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {indicators.map((row) => (
            <tr key={row.code} className={table.tr}>
              <th scope="row" className={`${table.td} text-left font-normal`}>
                {localName(row, locale)}
              </th>
              <td className={table.td}>{isUnit(row.unit) ? tu(row.unit) : row.unit}</td>
              <td className={table.tdNum}>{num(row.baseline)}</td>
              <td className={table.tdNum}>{num(row.target)}</td>
              <td className={table.tdNum}>{num(row.actual)}</td>
              <td className={table.tdNum}>{format.number(row.items)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
