import "server-only";
import { endOfChinaDay, isoDay } from "@/lib/time";
import {
  FORECAST_WINDOW_MONTHS,
  forecastFor,
  monthsBefore,
  trendDays,
  type Forecast,
} from "./forecast";
import { nodeFilter, populationWhereSql } from "./nodes";
import { itemsAsOfSql } from "./population";
import { nodeSupervisors } from "./rollup/read";
import { rollupCounts } from "./rollup/views";
import { completionRate, targetFor } from "./targets";
import { D_AT, instantsSql, type Counts, type ViewContext } from "./view";

export type MonthPoint = {
  asOf: string;
  month: string;
  total: number;
  completed: number;
  ratePercent: number | null;
  targetPercent: number | null;
};

/**
 * The monthly trend against the target line, and the forecast at the recent pace, from ONE
 * statement over all the points (plus the forecast window's start) joined to the population.
 */
export async function monthTrend(
  ctx: ViewContext,
  programmeStart: Date,
): Promise<{ trend: MonthPoint[]; forecast: Forecast }> {
  const days = trendDays(programmeStart, ctx.day);
  const windowStart = monthsBefore(ctx.day, FORECAST_WINDOW_MONTHS);
  const instants = [...days.map(endOfChinaDay), endOfChinaDay(windowStart)];
  const where = populationWhereSql(
    ctx.actor,
    "p",
    { ...nodeFilter(ctx.node), mainOnly: true },
    D_AT,
    { nodeInSource: true },
  );
  const supervisors = await nodeSupervisors(ctx.db, ctx.actor, ctx.node, instants);
  type Row = Counts & { i: number };
  const rows = supervisors
    ? await rollupCounts<Row>(ctx, instants, supervisors)
    : await ctx.db.$queryRaw<Row[]>`
    SELECT d."i"::int AS "i",
           count(p."itemId")::int AS "total",
           count(p."itemId") FILTER (WHERE p."completed")::int AS "completed"
    FROM ${instantsSql(instants)}
    LEFT JOIN LATERAL ${itemsAsOfSql({ programmeId: ctx.programmeId, at: D_AT, node: nodeFilter(ctx.node) })} p ON ${where}
    GROUP BY d."i"`;
  const byIndex = new Map(rows.map(({ i, ...r }) => [i, r]));
  const counts = instants.map((_, i) => byIndex.get(i + 1) ?? { total: 0, completed: 0 });
  const trend = days.map((day, i) => ({
    asOf: isoDay(day),
    month: isoDay(day).slice(0, 7),
    ...counts[i]!,
    ratePercent: completionRate(counts[i]!.completed, counts[i]!.total),
    targetPercent: targetFor(ctx.targets, endOfChinaDay(day))?.ratePercent ?? null,
  }));
  const now = days.length ? counts[days.length - 1]! : { total: 0, completed: 0 };
  const forecast = forecastFor({ now, then: counts.at(-1)! }, ctx.day, ctx.targets);
  return { trend, forecast };
}
