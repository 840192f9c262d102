import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { nodeFilter, nodePopulationSql } from "./nodes";
import { latestValueSql, rollupIndicatorTotalsSql } from "./rollup/indicators";
import { nodeSupervisors } from "./rollup/read";
import { instantSqlOf, type ViewContext } from "./view";

type Row = {
  code: string;
  unit: string;
  nameZh: string;
  nameEn: string;
  baseline: number | null;
  target: number | null;
  actual: number | null;
  items: number;
};

/**
 * Indicator totals over the node's applicable items (main or not) at the as-of instant, in ONE
 * statement, per indicator code AND unit, so different units are never added. Per item the actual
 * is the latest value reported by then (entries returned by a reviewer are skipped); baseline and
 * target are the item's own, else the definition's. Only items that reported the indicator count.
 * The whole scope's and a supervisor's come from the indicator roll-up when its rows are the
 * viewer's figures (rollupSupervisors; tests/integration/dashboard-indicators.test.ts compares).
 */
export async function indicatorTotals(ctx: ViewContext): Promise<Row[]> {
  const supervisors = await nodeSupervisors(ctx.db, ctx.actor, ctx.node, [ctx.at]);
  if (supervisors)
    return ctx.db.$queryRaw<
      Row[]
    >`${rollupIndicatorTotalsSql(ctx.programmeId, ctx.asOf, supervisors)}`;
  return rawIndicatorTotals(ctx);
}

/** indicatorTotals computed from the items and their history. */
export async function rawIndicatorTotals(ctx: ViewContext): Promise<Row[]> {
  const at = instantSqlOf(ctx.at);
  const { items, where } = nodePopulationSql({
    actor: ctx.actor,
    programmeId: ctx.programmeId,
    node: nodeFilter(ctx.node),
    at: ctx.at,
  });
  return ctx.db.$queryRaw<Row[]>`
    SELECT idf."code", idf."unit"::text AS "unit",
           min(idf."nameZh") AS "nameZh", min(idf."nameEn") AS "nameEn",
           sum(coalesce(lit."baseline", idf."baseline"))::float8 AS "baseline",
           sum(coalesce(lit."target", idf."target"))::float8 AS "target",
           sum(v."value")::float8 AS "actual",
           count(*)::int AS "items"
    FROM ${items} p
    JOIN "IndicatorDefinition" idf ON idf."taskId" = p."taskId"
    ${latestValueSql(Prisma.raw(`p."itemId"`), at)}
    WHERE ${where}
      -- Only items of tasks with indicators (the join above says so too): read through the task
      -- index instead of the whole node (national whole scope 1.59-1.61 -> 1.30-1.41 s).
      AND p."taskId" = ANY(ARRAY(SELECT d."taskId" FROM "IndicatorDefinition" d
        JOIN "Task" t ON t."id" = d."taskId" WHERE t."programmeId" = ${ctx.programmeId}::uuid))
    GROUP BY idf."code", idf."unit"
    ORDER BY idf."code", idf."unit"`;
}
