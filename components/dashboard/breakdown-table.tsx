import { useFormatter, useLocale, useTranslations } from "next-intl";
import { PercentBar } from "@/components/ui/badges";
import { asLocale, formatRate } from "@/components/ui/formats";
import { table } from "@/components/ui/section";
import type { BreakdownRow } from "@/lib/dashboard/breakdowns";
import { localName } from "@/lib/i18n/config";

/** Main-task completion per supervisor or per category. */
export function BreakdownTable({
  rows,
  caption,
  nameHeader,
  testId,
}: {
  rows: BreakdownRow[];
  caption: string;
  nameHeader: string;
  testId: string;
}) {
  const t = useTranslations("completion");
  const tl = useTranslations("supervisorLevel");
  const tc = useTranslations("common");
  const format = useFormatter();
  const locale = asLocale(useLocale());
  return (
    <div className={table.wrapper}>
      <table className={table.table} data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className={table.th}>
              {nameHeader}
            </th>
            <th scope="col" className={table.thNum}>
              {t("completed")}
            </th>
            <th scope="col" className={table.thNum}>
              {t("total")}
            </th>
            <th scope="col" className={table.th}>
              {t("rate")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className={table.tr}>
              <th scope="row" className={`${table.td} text-left font-normal`}>
                {localName(row, locale)}
                {row.level && <span className="ml-2 text-xs text-slate-600">{tl(row.level)}</span>}
              </th>
              <td className={table.tdNum}>{format.number(row.completed)}</td>
              <td className={table.tdNum}>{format.number(row.total)}</td>
              <td className={`${table.td} whitespace-nowrap`}>
                <PercentBar
                  value={row.ratePercent}
                  label={
                    row.ratePercent === null ? tc("none") : formatRate(format, row.ratePercent)
                  }
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
