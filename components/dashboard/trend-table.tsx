import { useFormatter, useTranslations } from "next-intl";
import { isTargetDue } from "@/lib/dashboard/targets";
import { PercentBar, TargetBadge } from "@/components/ui/badges";
import { formatDay, formatRate, formatTargetRate } from "@/components/ui/formats";
import { table } from "@/components/ui/section";
import type { TrendPoint } from "@/lib/dashboard/trend";

/** The headline figure at past target dates, quarter ends and today. */
export function TrendTable({ points, caption }: { points: TrendPoint[]; caption: string }) {
  const t = useTranslations("completion");
  const th = useTranslations("home.manager");
  const tc = useTranslations("common");
  const format = useFormatter();
  return (
    <div className={table.wrapper}>
      <table className={table.table} data-testid="completion-trend">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className={table.th}>
              {t("asOf")}
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
            <th scope="col" className={table.th}>
              {t("targetRate")}
            </th>
          </tr>
        </thead>
        <tbody>
          {points.map(({ date, isTarget, isToday, figure }) => (
            <tr key={date.toISOString()} className={table.tr}>
              <th
                scope="row"
                className={`${table.td} text-left font-normal whitespace-nowrap tabular-nums`}
              >
                {formatDay(format, date)}
                {isToday && (
                  <span className="ml-2 rounded bg-brand-50 px-1.5 py-0.5 text-xs font-medium text-brand-900">
                    {th("today")}
                  </span>
                )}
                {isTarget && (
                  <span className="ml-2 rounded bg-amber-50 px-1.5 py-0.5 text-xs font-medium text-amber-900">
                    {th("targetDate")}
                  </span>
                )}
              </th>
              <td className={table.tdNum}>{format.number(figure.completed)}</td>
              <td className={table.tdNum}>{format.number(figure.total)}</td>
              <td className={`${table.td} whitespace-nowrap`}>
                <PercentBar
                  value={figure.ratePercent}
                  label={
                    figure.ratePercent === null
                      ? tc("none")
                      : formatRate(format, figure.ratePercent)
                  }
                />
              </td>
              <td className={`${table.td} whitespace-nowrap`}>
                {figure.target ? (
                  <span className="inline-flex items-center gap-2">
                    <span className="tabular-nums">
                      {formatTargetRate(format, figure.target.ratePercent)} ·{" "}
                      {formatDay(format, figure.target.dueDate)}
                    </span>
                    {figure.meetsTarget !== null && (
                      <TargetBadge met={figure.meetsTarget} due={isTargetDue(figure)} />
                    )}
                  </span>
                ) : (
                  t("noTarget")
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
