import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { PercentBar, StatusBadge } from "@/components/ui/badges";
import { asLocale, bilingual, formatDateTime, formatDay } from "@/components/ui/formats";
import { table } from "@/components/ui/section";
import { localName } from "@/lib/i18n/config";
import type { LedgerItemRow } from "@/lib/ledger/schemas";

/** A dense table of ledger items: task, category, enterprise, main flag, due, status, progress, last update. */
export function LedgerItemsTable({
  items,
  caption,
  showEnterprise = true,
}: {
  items: LedgerItemRow[];
  caption: string;
  showEnterprise?: boolean;
}) {
  const t = useTranslations("ledger");
  const tc = useTranslations("common");
  const format = useFormatter();
  const locale = asLocale(useLocale());

  return (
    <div className={table.wrapper}>
      <table className={table.table} data-testid="ledger-items">
        <caption className={table.caption}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className={table.th}>
              {t("task")}
            </th>
            <th scope="col" className={table.th}>
              {t("category")}
            </th>
            {showEnterprise && (
              <th scope="col" className={table.th}>
                {t("enterprise")}
              </th>
            )}
            <th scope="col" className={table.th}>
              {t("main")}
            </th>
            <th scope="col" className={table.th}>
              {t("dueDate")}
            </th>
            <th scope="col" className={table.th}>
              {t("status")}
            </th>
            <th scope="col" className={table.th}>
              {t("percentDone")}
            </th>
            <th scope="col" className={table.th}>
              {t("lastUpdate")}
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id} className={table.tr}>
              <th scope="row" className={`${table.td} text-left font-normal`}>
                <span className="block font-mono text-xs text-slate-600">{item.task.code}</span>
                <Link href={`/ledger/${item.id}`} className={`${table.link} block min-w-48`}>
                  {bilingual(locale, item.task.titleZh, item.task.titleEn)}
                </Link>
              </th>
              <td className={table.td}>{localName(item.category, locale)}</td>
              {showEnterprise && (
                <td className={`${table.td} whitespace-nowrap`}>
                  <Link href={`/enterprises/${item.enterprise.id}`} className={table.link}>
                    {localName(item.enterprise, locale)}
                  </Link>
                </td>
              )}
              <td className={table.td}>
                {item.isMain ? t("mainShort") : <span className="sr-only">{tc("no")}</span>}
              </td>
              <td className={`${table.td} whitespace-nowrap tabular-nums`}>
                {formatDay(format, new Date(item.dueDate))}
              </td>
              <td className={table.td}>
                <span className="flex flex-wrap gap-1">
                  <StatusBadge status={item.status} />
                  {item.colour.reason.key === "overdue" && <StatusBadge status="OVERDUE" />}
                </span>
              </td>
              <td className={`${table.td} whitespace-nowrap`}>
                <PercentBar
                  value={item.percentDone}
                  label={format.number(item.percentDone / 100, { style: "percent" })}
                />
              </td>
              <td className={`${table.td} whitespace-nowrap tabular-nums text-slate-700`}>
                {item.lastEntryAt ? formatDateTime(format, new Date(item.lastEntryAt)) : tc("none")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
