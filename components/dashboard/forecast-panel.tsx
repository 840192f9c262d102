import { useFormatter, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { formatDay, formatTargetRate } from "@/components/ui/formats";
import type { DashboardDto } from "@/lib/dashboard/schemas";
import { parseIsoDay } from "@/lib/time";

type Reach = DashboardDto["forecast"]["reach"][number];

/** When a unit reaches a rate at its pace, and whether that misses the target's date. */
export function ReachText({ reach, asOf }: { reach: Reach; asOf: string }) {
  const t = useTranslations("dashboard.forecast");
  const format = useFormatter();
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <span className="tabular-nums">
        {reach.on === null
          ? t("never")
          : reach.on <= asOf
            ? t("reached")
            : formatDay(format, parseIsoDay(reach.on))}
      </span>
      {reach.missesTarget && (
        <Badge tone="danger" testId="misses-target">
          <span aria-hidden="true">! </span>
          {t("misses")}
        </Badge>
      )}
    </span>
  );
}

/** The forecast of the node at the current pace, with its method in words. */
export function ForecastPanel({ dashboard }: { dashboard: DashboardDto }) {
  const t = useTranslations("dashboard.forecast");
  const format = useFormatter();
  const { forecast, asOf } = dashboard;
  const pace = forecast.pacePointsPerMonth;
  return (
    <div className="space-y-3 text-sm" data-testid="forecast">
      <ul className="space-y-2">
        {forecast.reach.map((reach) => (
          <li key={reach.ratePercent} className="flex flex-wrap items-baseline gap-x-2">
            <span className="font-medium text-slate-900">
              {t("reaches", { rate: formatTargetRate(format, reach.ratePercent) })}:
            </span>
            <ReachText reach={reach} asOf={asOf} />
            {reach.targetDueDate && (
              <span className="text-xs text-slate-600">
                ({t("dueBy", { date: formatDay(format, parseIsoDay(reach.targetDueDate)) })})
              </span>
            )}
          </li>
        ))}
      </ul>
      <p className="text-xs text-slate-700" data-testid="forecast-method">
        {pace !== null && pace > 0
          ? t("method", {
              months: forecast.windowMonths,
              pace: format.number(pace, { maximumFractionDigits: 2 }),
            })
          : t("noPace", { months: forecast.windowMonths })}
      </p>
    </div>
  );
}
