import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { endOfChinaDay, isoDay } from "@/lib/time";
import { drillDown } from "./drill-down";
import { FORECAST_WINDOW_MONTHS, forecastFor, monthsBefore, standingOf } from "./forecast";
import { childJoinSql, mainPopulationSql, nodeFilter, type ChildRef } from "./nodes";
import { rollupSupervisors } from "./rollup/read";
import { rollupChildCounts, rollupGroupCounts } from "./rollup/views";
import { validAtSql } from "./population";
import { completionRate, targetFor } from "./targets";
import {
  D_AT,
  firstInstantFullSql,
  instantSqlOf,
  instantsSql,
  weightedSql,
  type Counts,
  type ViewContext,
} from "./view";

/** A child's figures at one instant: main applicable items, weighted progress, colours. */
export type ChildCounts = {
  total: number;
  completed: number;
  weighted: number | null;
  red: number;
  yellow: number;
};

const NONE: ChildCounts = { total: 0, completed: 0, weighted: null, red: 0, yellow: 0 };

type Row = ChildCounts & {
  /** 1..n = the instants asked (red/yellow at the as-of one, i = 1, when computed with it). */
  i: number;
  childId: string;
};

/**
 * The node's main, applicable items per child, in ONE statement: counts at each instant grouped
 * by child (membership as the tree stood at that instant), and, with `colours` (the first instant
 * is the as-of one), the colour rule's red/yellow counts at the as-of instant grouped by child and
 * weighted progress at the as-of instant only (the forecast's start needs counts only; without
 * `colours`, no weighted progress at all).
 */
export async function childCounts(
  ctx: ViewContext,
  children: readonly ChildRef[],
  instants: readonly Date[],
  colours: boolean,
  /** False: computed from the items even where a roll-up stands for them (tests compare). */
  rollup = true,
): Promise<Row[]> {
  if (!children.length || (!instants.length && !colours)) return [];
  const population = (at: Date | Prisma.Sql, colourDay?: Date) =>
    mainPopulationSql(ctx, at, colourDay);
  const counted = population(D_AT);
  // Supervisor children of the whole scope: from the roll-up when it stands for them.
  const bySupervisor =
    rollup &&
    ctx.node.type === "scope" &&
    instants.length &&
    children.every((c) => c.type === "supervisor")
      ? await rollupSupervisors(
          ctx.db,
          ctx.actor,
          children.map((c) => c.id),
          instants,
        )
      : null;
  // Red is "open and due before the day" (risk.ts) written out, so the rule's CASE, with its
  // look-ups of percent and last entry, is evaluated once and only for the open items not red.
  const day = Prisma.sql`${isoDay(ctx.day)}::date`;
  const red = Prisma.sql`count(*) FILTER (WHERE NOT p."completed" AND p."dueDate" < ${day})::int`;
  const yellow = Prisma.sql`count(*) FILTER (WHERE NOT p."completed" AND p."dueDate" >= ${day}
    AND p."colour" = 'yellow')::int`;
  const select = (d: Prisma.Sql, full: boolean, source = counted) => Prisma.sql`
    SELECT d."i"::int AS "i", ch."childId"::text AS "childId",
           count(*)::int AS "total",
           count(*) FILTER (WHERE p."completed")::int AS "completed",
           ${full ? weightedSql("p") : Prisma.sql`NULL::float8`} AS "weighted",
           ${full ? red : Prisma.sql`0`} AS "red", ${full ? yellow : Prisma.sql`0`} AS "yellow"
    FROM ${d}
    CROSS JOIN LATERAL ${source.items} p
    ${childJoinSql(children, "p", D_AT)}
    WHERE ${source.where}
    GROUP BY d."i", ch."childId"`;
  // A supervisor's groups: from the group roll-up when the supervisor's rows are the viewer's
  // figures and each group was a root at every instant (its tree then is the group's).
  if (rollup && instants.length && (await groupsStand(ctx, children, instants)))
    return ctx.db.$queryRaw<Row[]>`${rollupGroupCounts(
      ctx,
      instants,
      ctx.node.id!,
      children.map((c) => c.id),
    )}`;
  if (!Array.isArray(bySupervisor)) {
    // The as-of instant's counts, weighted progress and colours over one population.
    const statement = colours
      ? firstInstantFullSql(
          instants,
          (d, first) => select(d, true, population(first, ctx.day)),
          (d) => select(d, false),
        )
      : select(instantsSql(instants), false);
    return ctx.db.$queryRaw<Row[]>`${statement}`;
  }
  // From the roll-up: red and yellow too, at each instant (the as-of one is i = 1).
  return ctx.db.$queryRaw<Row[]>`${rollupChildCounts(ctx, instants, bySupervisor)}`;
}

/**
 * An enterprise node's total and completed at the forecast window's start, and each child's, in
 * ONE pass (the trend's forecast and the children's each read it otherwise): the children are
 * disjoint subtrees, so the node's figure is the sum of its children's and its own items'.
 */
export async function windowCounts(
  ctx: ViewContext,
  children: readonly ChildRef[],
): Promise<{ node: Counts; children: Map<string, Counts> }> {
  if (ctx.node.type !== "enterprise") throw new Error("windowCounts: an enterprise node only");
  const at = endOfChinaDay(monthsBefore(ctx.day, FORECAST_WINDOW_MONTHS));
  const { items, where } = mainPopulationSql(ctx, at);
  const rows = await ctx.db.$queryRaw<(Counts & { childId: string | null })[]>`
    SELECT ch."childId"::text AS "childId", count(*)::int AS "total",
           count(*) FILTER (WHERE p."completed")::int AS "completed"
    FROM ${items} p
    ${childJoinSql(children, "p", instantSqlOf(at), true)}
    WHERE ${where}
    GROUP BY ch."childId"`;
  const node = { total: 0, completed: 0 };
  for (const r of rows) {
    node.total += r.total;
    node.completed += r.completed;
  }
  return {
    node,
    children: new Map(
      rows.flatMap((r) =>
        r.childId ? [[r.childId, { total: r.total, completed: r.completed }]] : [],
      ),
    ),
  };
}

/** Whether a supervisor's children may be read from the group roll-up (see childCounts). */
async function groupsStand(
  ctx: ViewContext,
  children: readonly ChildRef[],
  instants: readonly Date[],
): Promise<boolean> {
  if (ctx.node.type !== "supervisor" || children.some((c) => c.type !== "enterprise")) return false;
  if (!(await rollupSupervisors(ctx.db, ctx.actor, [ctx.node.id], instants))) return false;
  const [row] = await ctx.db.$queryRaw<{ nested: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM "EnterpriseClosureSpan" cs
      CROSS JOIN unnest(${instants.map((at) => at.toISOString())}::timestamp[]) t("at")
      WHERE cs."descendantId" = ANY(${children.map((c) => c.id)}::uuid[]) AND cs."depth" > 0
        AND ${validAtSql("cs", Prisma.raw(`t."at"`))}) AS "nested"`;
  return !row!.nested;
}

/**
 * The node's children ranked by completion rate (highest first), each with its weighted progress,
 * standing, forecast and red/yellow counts: the as-of figures from `counted` (per child id: a
 * round's snapshot, or the as-of pass of as-of.ts) when given, else computed with the counts at
 * the forecast window's start (or taken from `then`, per child id: windowCounts).
 */
export async function rankChildren(
  ctx: ViewContext,
  children: readonly ChildRef[],
  counted?: ReadonlyMap<string, ChildCounts>,
  then?: ReadonlyMap<string, Counts>,
) {
  if (!children.length) return [];
  const windowStart = endOfChinaDay(monthsBefore(ctx.day, FORECAST_WINDOW_MONTHS));
  const instants = counted ? [windowStart] : [ctx.at, windowStart];
  const rows =
    counted && then
      ? [...then].map(([childId, c]) => ({ ...NONE, ...c, i: 1, childId }))
      : await childCounts(ctx, children, instants, !counted);
  const find = (i: number, childId: string) => rows.find((r) => r.i === i && r.childId === childId);
  const governing = targetFor(ctx.targets, ctx.at);
  const ranked = children.map((child) => {
    const counts = (counted ? counted.get(child.id) : find(1, child.id)) ?? NONE;
    const then = find(counted ? 1 : 2, child.id) ?? NONE;
    const ratePercent = completionRate(counts.completed, counts.total);
    const forecast = forecastFor({ now: counts, then }, ctx.day, ctx.targets);
    return {
      ...child,
      total: counts.total,
      completed: counts.completed,
      ratePercent,
      weightedProgressPercent: counts.weighted,
      standing: standingOf(ratePercent, governing, forecast),
      red: counts.red,
      yellow: counts.yellow,
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
