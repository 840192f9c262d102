import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { isoDay } from "@/lib/time";
import { drillDown } from "./drill-down";
import { standingOf, tasksNeeded, type Forecast } from "./forecast";
import { mainPopulationSql, nodeFilter } from "./nodes";
import { nodeSupervisors } from "./rollup/read";
import { rollupHeadline } from "./rollup/views";
import { completionRate, targetFor } from "./targets";
import {
  D_AT,
  firstInstantFullSql,
  instantsSql,
  weightedSql,
  type Counts,
  type ViewContext,
} from "./view";

export type HeadlineCounts = Counts & {
  pendingClaims: number;
  weightedProgressPercent: number | null;
  /** Red and yellow items at the instant, when the counts came from the roll-up. */
  red?: number;
  yellow?: number;
};

const EMPTY: HeadlineCounts = {
  total: 0,
  completed: 0,
  pendingClaims: 0,
  weightedProgressPercent: null,
};

/**
 * The node's main, applicable items at several instants in ONE statement: total and completed
 * (approved by then), claims awaiting approval, weighted progress. Each instant's numbers come from
 * the same rows, so a total and its completed count are consistent. From the roll-up when it
 * stands for the viewer's figures (rollup/read.ts), with the red and yellow counts then, else
 * from the raw history.
 */
export async function headlineCounts(
  ctx: ViewContext,
  instants: readonly Date[],
  /**
   * Claims and weighted progress at the first instant (the as-of one; the others are comparisons,
   * which show total and completed only); without it, total and completed only.
   */
  withAsOf: boolean,
): Promise<HeadlineCounts[]> {
  if (!instants.length) return [];
  const supervisors = await nodeSupervisors(ctx.db, ctx.actor, ctx.node, instants);
  const population = (at: Date | Prisma.Sql) => mainPopulationSql(ctx, at);
  type Row = HeadlineCounts & { i: number };
  const select = (d: Prisma.Sql, full: boolean, { items, where } = population(D_AT)) => Prisma.sql`
    SELECT d."i"::int AS "i",
           count(p."itemId")::int AS "total",
           count(p."itemId") FILTER (WHERE p."completed")::int AS "completed",
           ${full ? Prisma.sql`count(p."itemId") FILTER (WHERE p."claimPending")::int` : Prisma.sql`0`} AS "pendingClaims",
           ${full ? weightedSql("p") : Prisma.sql`NULL::float8`} AS "weightedProgressPercent"
    FROM ${d}
    LEFT JOIN LATERAL ${items} p ON ${where}
    GROUP BY d."i"`;
  const rows = supervisors
    ? await rollupHeadline<Row>(ctx, instants, supervisors)
    : await ctx.db.$queryRaw<Row[]>`${
        withAsOf
          ? firstInstantFullSql(
              instants,
              (d, first) => select(d, true, population(first)),
              (d) => select(d, false),
            )
          : select(instantsSql(instants), false)
      }`;
  const byIndex = new Map(rows.map(({ i, ...r }) => [i, r]));
  return instants.map((_, i) => byIndex.get(i + 1) ?? EMPTY);
}

/** The headline block of the answer from its counts and the node's forecast. */
export function toHeadline(ctx: ViewContext, counts: HeadlineCounts, forecast: Forecast) {
  const ratePercent = completionRate(counts.completed, counts.total);
  const governing = targetFor(ctx.targets, ctx.at);
  return {
    total: counts.total,
    completed: counts.completed,
    ratePercent,
    target: governing && { ratePercent: governing.ratePercent, dueDate: isoDay(governing.dueDate) },
    tasksNeeded: tasksNeeded(governing, counts),
    meetsTarget: governing && ratePercent !== null ? ratePercent >= governing.ratePercent : null,
    standing: standingOf(ratePercent, governing, forecast),
    pendingClaims: counts.pendingClaims,
    drillDown: drillDown({ programmeId: ctx.programmeId, asOf: ctx.asOf, ...nodeFilter(ctx.node) }),
  };
}

/** "Change since": the headline at another day, and the change to the as-of figures. */
export function toComparison(compareTo: string, now: Counts, then: Counts) {
  const rateNow = completionRate(now.completed, now.total);
  const rateThen = completionRate(then.completed, then.total);
  return {
    asOf: compareTo,
    total: then.total,
    completed: then.completed,
    ratePercent: rateThen,
    deltaPoints:
      rateNow !== null && rateThen !== null ? Math.round((rateNow - rateThen) * 100) / 100 : null,
    deltaTasks: now.completed - then.completed,
  };
}
