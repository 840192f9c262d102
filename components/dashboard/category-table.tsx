import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { PercentBar } from "@/components/ui/badges";
import { asLocale, formatRate } from "@/components/ui/formats";
import { table } from "@/components/ui/section";
import type { DashboardDto } from "@/lib/dashboard/schemas";
import { localName } from "@/lib/i18n/config";
import { ledgerHref } from "./links";

/** Completion by category; each count opens the items behind it. */
export function CategoryTable({ rows }: { rows: DashboardDto["byCategory"] }) {
  const t = useTranslations("dashboard.category");
  const tc = useTranslations("dashboard.children");
  const none = useTranslations("common")("none");
  const format = useFormatter();
  const locale = asLocale(useLocale());
  return (
    <div className={`${table.wrapper} relative`}>
      <table className={table.table} data-testid="category-table">
        <caption className="sr-only">{t("caption")}</caption>
        <thead>
          <tr>
            <th scope="col" className={table.th}>
              {t("name")}
            </th>
            <th scope="col" className={table.thNum}>
              {tc("completed")}
            </th>
            <th scope="col" className={table.thNum}>
              {tc("total")}
            </th>
            <th scope="col" className={table.th}>
              {tc("rate")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.categoryId} className={table.tr}>
              <th scope="row" className={`${table.td} text-left font-normal`}>
                {localName(row, locale)}
              </th>
              <td className={table.tdNum}>
                <Link href={ledgerHref(row.drillDown.completed)} className={table.link}>
                  {format.number(row.completed)}
                </Link>
              </td>
              <td className={table.tdNum}>
                <Link href={ledgerHref(row.drillDown.total)} className={table.link}>
                  {format.number(row.total)}
                </Link>
              </td>
              <td className={`${table.td} whitespace-nowrap`}>
                <PercentBar
                  value={row.ratePercent}
                  label={row.ratePercent === null ? none : formatRate(format, row.ratePercent)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
