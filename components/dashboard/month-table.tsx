import { useFormatter, useTranslations } from "next-intl";
import { formatDay, formatRate, formatTargetRate } from "@/components/ui/formats";
import { table } from "@/components/ui/section";
import type { DashboardDto } from "@/lib/dashboard/schemas";
import { parseIsoDay } from "@/lib/time";

/** The trend chart's numbers as a table: its accessible alternative. */
export function MonthTable({
  points,
  caption,
}: {
  points: DashboardDto["trend"];
  caption: string;
}) {
  const t = useTranslations("dashboard.trend");
  const tc = useTranslations("completion");
  const none = useTranslations("common")("none");
  const format = useFormatter();
  return (
    <div className={`${table.wrapper} relative mt-2`}>
      <table className={table.table} data-testid="trend-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className={table.th}>
              {t("month")}
            </th>
            <th scope="col" className={table.thNum}>
              {tc("completed")}
            </th>
            <th scope="col" className={table.thNum}>
              {tc("total")}
            </th>
            <th scope="col" className={table.thNum}>
              {t("rate")}
            </th>
            <th scope="col" className={table.thNum}>
              {t("target")}
            </th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.asOf} className={table.tr}>
              <th scope="row" className={`${table.td} text-left font-normal whitespace-nowrap`}>
                {formatDay(format, parseIsoDay(p.asOf))}
              </th>
              <td className={table.tdNum}>{format.number(p.completed)}</td>
              <td className={table.tdNum}>{format.number(p.total)}</td>
              <td className={table.tdNum}>
                {p.ratePercent === null ? none : formatRate(format, p.ratePercent)}
              </td>
              <td className={table.tdNum}>
                {p.targetPercent === null ? none : formatTargetRate(format, p.targetPercent)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
