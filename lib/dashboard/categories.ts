import "server-only";
import { isoDay } from "@/lib/time";
import { drillDown } from "./drill-down";
import type { Target } from "./forecast";
import { mainPopulationSql, nodeFilter } from "./nodes";
import { nodeSupervisors } from "./rollup/read";
import { rollupCategories } from "./rollup/views";
import { completionRate, targetFor } from "./targets";
import type { Counts, ViewContext } from "./view";

type Row = Counts & { categoryId: string; code: string; nameZh: string; nameEn: string };

/**
 * Main-task completion per category of the programme at the as-of instant, in ONE statement, or
 * from counts per category made elsewhere (`counted`: a round's frozen snapshot, or the as-of
 * pass of as-of.ts); categories without items in the node show zero. Each category's target is
 * its own when it has one, else the programme's.
 */
export async function byCategory(
  ctx: ViewContext,
  categoryTargets: ReadonlyMap<string, readonly Target[]>,
  counted?: ReadonlyMap<string, Counts>,
) {
  const rows = counted ? await countedRows(ctx, counted) : await liveRows(ctx);
  return rows.map((row) => {
    const own = categoryTargets.get(row.categoryId);
    const target = targetFor(own?.length ? own : ctx.targets, ctx.at);
    return {
      ...row,
      ratePercent: completionRate(row.completed, row.total),
      target: target && { ratePercent: target.ratePercent, dueDate: isoDay(target.dueDate) },
      drillDown: drillDown({
        programmeId: ctx.programmeId,
        asOf: ctx.asOf,
        ...nodeFilter(ctx.node),
        categoryId: row.categoryId,
      }),
    };
  });
}

/** The programme's categories with the counts given (none given: zero). */
async function countedRows(ctx: ViewContext, counted: ReadonlyMap<string, Counts>): Promise<Row[]> {
  const categories = await ctx.db.category.findMany({
    where: { programmeId: ctx.programmeId },
    select: { id: true, code: true, nameZh: true, nameEn: true },
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
  });
  return categories.map(({ id, ...c }) => {
    const counts = counted.get(id);
    return { categoryId: id, ...c, total: counts?.total ?? 0, completed: counts?.completed ?? 0 };
  });
}

async function liveRows(ctx: ViewContext): Promise<Row[]> {
  const supervisors = await nodeSupervisors(ctx.db, ctx.actor, ctx.node, [ctx.at]);
  if (supervisors) return rollupCategories<Row>(ctx, supervisors);
  const { items, where } = mainPopulationSql(ctx, ctx.at);
  return ctx.db.$queryRaw<Row[]>`
    SELECT c."id"::text AS "categoryId", c."code", c."nameZh", c."nameEn",
           count(p."itemId")::int AS "total",
           count(p."itemId") FILTER (WHERE p."completed")::int AS "completed"
    FROM "Category" c
    LEFT JOIN ${items} p
      ON p."categoryId" = c."id" AND ${where}
    WHERE c."programmeId" = ${ctx.programmeId}::uuid
    GROUP BY c."id"
    ORDER BY c."sortOrder", c."code"`;
}
