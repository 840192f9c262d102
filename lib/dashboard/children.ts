import "server-only";
import { endOfChinaDay } from "@/lib/time";
import { drillDown } from "./drill-down";
import { FORECAST_WINDOW_MONTHS, forecastFor, monthsBefore, standingOf } from "./forecast";
import { childJoinSql, nodeFilter, populationWhereSql, type ChildRef } from "./nodes";
import { itemsAsOfSql } from "./population";
import { itemsWithColourAsOfSql } from "./risk";
import { completionRate, targetFor } from "./targets";
import { D_AT, instantSqlOf, instantsSql, weightedSql, type ViewContext } from "./view";

type Row = {
  /** 1 = the as-of instant, 2 = the forecast window's start; 0 = the red/yellow counts. */
  i: number;
  childId: string;
  total: number;
  completed: number;
  weighted: number | null;
  red: number;
  yellow: number;
};

/**
 * The node's children ranked by completion rate (highest first), each with its weighted progress,
 * standing, forecast and red/yellow counts, from ONE statement: counts at the as-of instant and
 * at the forecast window's start grouped by child, and the colour rule's counts at the as-of
 * instant grouped by child.
 */
export async function rankChildren(ctx: ViewContext, children: readonly ChildRef[]) {
  if (!children.length) return [];
  const where = populationWhereSql(ctx.actor, "p", { ...nodeFilter(ctx.node), mainOnly: true });
  const instants = [ctx.at, endOfChinaDay(monthsBefore(ctx.day, FORECAST_WINDOW_MONTHS))];
  const rows = await ctx.db.$queryRaw<Row[]>`
    SELECT d."i"::int AS "i", ch."childId"::text AS "childId",
           count(*)::int AS "total",
           count(*) FILTER (WHERE p."completed")::int AS "completed",
           ${weightedSql("p")} AS "weighted", 0 AS "red", 0 AS "yellow"
    FROM ${instantsSql(instants)}
    CROSS JOIN LATERAL ${itemsAsOfSql({ programmeId: ctx.programmeId, at: D_AT })} p
    ${childJoinSql(children, "p")}
    WHERE ${where}
    GROUP BY d."i", ch."childId"
    UNION ALL
    SELECT 0, ch."childId"::text, 0, 0, NULL,
           count(*) FILTER (WHERE p."colour" = 'red')::int,
           count(*) FILTER (WHERE p."colour" = 'yellow')::int
    FROM ${itemsWithColourAsOfSql({ programmeId: ctx.programmeId, at: instantSqlOf(ctx.at), day: ctx.day })} p
    ${childJoinSql(children, "p")}
    WHERE ${where} AND p."colour" IS NOT NULL
    GROUP BY ch."childId"`;
  const find = (i: number, childId: string) => rows.find((r) => r.i === i && r.childId === childId);
  const governing = targetFor(ctx.targets, ctx.at);
  const ranked = children.map((child) => {
    const now = find(1, child.id) ?? { total: 0, completed: 0, weighted: null };
    const then = find(2, child.id) ?? { total: 0, completed: 0 };
    const risk = find(0, child.id);
    const ratePercent = completionRate(now.completed, now.total);
    const forecast = forecastFor({ now, then }, ctx.day, ctx.targets);
    return {
      ...child,
      total: now.total,
      completed: now.completed,
      ratePercent,
      weightedProgressPercent: now.weighted,
      standing: standingOf(ratePercent, governing, forecast),
      red: risk?.red ?? 0,
      yellow: risk?.yellow ?? 0,
      forecast,
      drillDown: drillDown({
        programmeId: ctx.programmeId,
        asOf: ctx.asOf,
        ...nodeFilter(ctx.node),
        ...nodeFilter(child),
      }),
    };
  });
  // Highest rate first; nothing to count goes last; ties by the catalogue order.
  return ranked
    .map((row, order) => ({ row, order }))
    .sort((a, b) => (b.row.ratePercent ?? -1) - (a.row.ratePercent ?? -1) || a.order - b.order)
    .map(({ row }) => row);
}
