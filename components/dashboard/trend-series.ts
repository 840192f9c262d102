import type { DashboardDto } from "@/lib/dashboard/schemas";
import { calendarDay, isoDay, parseIsoDay } from "@/lib/time";

export type TrendDatum = {
  month: string;
  rate: number | null;
  target: number | null;
  forecast: number | null;
};

/** The target governing a future day, from the forecast's reach rows (rate + due date). */
function targetAhead(reach: DashboardDto["forecast"]["reach"], day: string): number | null {
  const due = reach
    .filter((r) => r.targetDueDate)
    .sort((a, b) => (a.targetDueDate! < b.targetDueDate! ? -1 : 1));
  return (due.find((r) => r.targetDueDate! >= day) ?? due.at(-1))?.ratePercent ?? null;
}

/**
 * The months of the trend, then the months to the programme's end with the forecast at the
 * current pace (a straight line from the as-of figure, capped at 100%).
 */
export function trendSeries(dashboard: DashboardDto): TrendDatum[] {
  const { trend, forecast, programme } = dashboard;
  const data: TrendDatum[] = trend.map((p) => ({
    month: p.month,
    rate: p.ratePercent,
    target: p.targetPercent,
    forecast: null,
  }));
  const last = trend.at(-1);
  const pace = forecast.pacePointsPerMonth;
  if (!last || last.ratePercent === null || pace === null || pace <= 0) return data;
  data[data.length - 1] = { ...data[data.length - 1]!, forecast: last.ratePercent };
  const start = parseIsoDay(last.asOf);
  const end = isoDay(parseIsoDay(programme.endDate));
  for (let i = 1; i <= 36; i++) {
    const monthEnd = isoDay(calendarDay(start.getUTCFullYear(), start.getUTCMonth() + 2 + i, 0));
    if (monthEnd > end) break;
    const value = Math.min(100, last.ratePercent + pace * i);
    data.push({
      month: monthEnd.slice(0, 7),
      rate: null,
      target: targetAhead(forecast.reach, monthEnd),
      forecast: Math.round(value * 100) / 100,
    });
    if (value >= 100) break;
  }
  return data;
}
