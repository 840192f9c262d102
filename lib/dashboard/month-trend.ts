import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { addDays, endOfChinaDay, isoDay } from "@/lib/time";
import {
  FORECAST_WINDOW_MONTHS,
  forecastFor,
  monthsBefore,
  trendDays,
  type Forecast,
} from "./forecast";
import { mainPopulationSql } from "./nodes";
import { nodeSupervisors, rollupNodeStands } from "./rollup/read";
import { rollupCounts, rollupNodeCounts } from "./rollup/views";
import { completionRate, targetFor } from "./targets";
import { byInstantSql, type Counts, type ViewContext } from "./view";

export type MonthPoint = {
  asOf: string;
  month: string;
  total: number;
  completed: number;
  ratePercent: number | null;
  targetPercent: number | null;
};

/**
 * The monthly trend against the target line, and the forecast at the recent pace, from the counts
 * at every point (plus the forecast window's start): read from the roll-ups where they stand for
 * the viewer's figures, else one statement over the points joined to the population.
 */
export async function monthTrend(
  ctx: ViewContext,
  programmeStart: Date,
  /** The headline's total and completed at the as-of instant, when already counted. */
  asOf?: Counts,
  /** The total and completed at the forecast window's start, when already counted. */
  atWindowStart?: Counts,
  /** The counts at `trendInstants` (with `asOf`), when already counted with the headline. */
  counted?: readonly Counts[],
): Promise<{ trend: MonthPoint[]; forecast: Forecast }> {
  const days = trendDays(programmeStart, ctx.day);
  const windowStart = monthsBefore(ctx.day, FORECAST_WINDOW_MONTHS);
  // The last point is the as-of day: the same population at the same instant as the headline.
  const known = asOf && days.at(-1)?.getTime() === ctx.day.getTime() ? asOf : null;
  const points = known ? days.slice(0, -1) : days;
  const asked = counted
    ? counted.map(({ total, completed }) => ({ total, completed }))
    : atWindowStart
      ? [...(await countsAt(ctx, points)), atWindowStart]
      : await countsAt(ctx, [...points, windowStart]);
  const counts = known
    ? [...asked.slice(0, -1), { total: known.total, completed: known.completed }, asked.at(-1)!]
    : asked;
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

/**
 * The instants monthTrend counts besides the as-of one (given the headline's counts): the month
 * ends before the as-of day and the forecast window's start, so that a caller can count them in
 * the headline's statement (one roll-up pass for both).
 */
export function trendInstants(programmeStart: Date, day: Date): Date[] {
  const days = trendDays(programmeStart, day);
  const points = days.at(-1)?.getTime() === day.getTime() ? days.slice(0, -1) : days;
  return [...points, monthsBefore(day, FORECAST_WINDOW_MONTHS)].map(endOfChinaDay);
}

const isMonthEnd = (day: Date) => addDays(day, 1).getUTCDate() === 1;

/**
 * Main, applicable items and those completed at the end of each China day: from the supervisor
 * roll-up for the scope or a supervisor, from a group's monthly roll-up for its month ends, from
 * the raw history for the rest, when the roll-up stands for the viewer's figures.
 */
async function countsAt(ctx: ViewContext, days: readonly Date[]): Promise<Counts[]> {
  type Row = Counts & { i: number };
  const instants = days.map(endOfChinaDay);
  const supervisors = await nodeSupervisors(ctx.db, ctx.actor, ctx.node, instants);
  if (supervisors) return aligned(days, await rollupCounts<Row>(ctx, instants, supervisors));
  const monthly =
    ctx.node.type === "enterprise" &&
    (await rollupNodeStands(ctx.db, ctx.actor, ctx.node.id!, instants));
  // Positions of the days each source answers, so the counts go back in the order asked.
  const all = days.map((_, i) => i);
  const fromNode = monthly ? all.filter((i) => isMonthEnd(days[i]!)) : [];
  const raw = all.filter((i) => !fromNode.includes(i));
  const counts: Counts[] = [];
  const put = (positions: number[], rows: Row[]) =>
    aligned(positions, rows).forEach((c, k) => (counts[positions[k]!] = c));
  if (fromNode.length)
    put(
      fromNode,
      await rollupNodeCounts<Row>(
        ctx,
        ctx.node.id!,
        fromNode.map((i) => days[i]!),
      ),
    );
  if (raw.length)
    put(
      raw,
      await rawCounts(
        ctx,
        raw.map((i) => endOfChinaDay(days[i]!)),
      ),
    );
  return counts;
}

/** Rows with i = 1..n as counts in the order asked (none: zeros). */
function aligned(days: readonly unknown[], rows: (Counts & { i: number })[]): Counts[] {
  const byIndex = new Map(rows.map(({ i, total, completed }) => [i, { total, completed }]));
  return days.map((_, i) => byIndex.get(i + 1) ?? { total: 0, completed: 0 });
}

function rawCounts(ctx: ViewContext, instants: readonly Date[]) {
  return ctx.db.$queryRaw<(Counts & { i: number })[]>`${byInstantSql(instants, (d, at) => {
    const { items, where } = mainPopulationSql(ctx, at);
    return Prisma.sql`
    SELECT d."i"::int AS "i",
           count(p."itemId")::int AS "total",
           count(p."itemId") FILTER (WHERE p."completed")::int AS "completed"
    FROM ${d}
    LEFT JOIN LATERAL ${items} p ON ${where}
    GROUP BY d."i"`;
  })}`;
}
