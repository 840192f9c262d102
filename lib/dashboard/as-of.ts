import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { isoDay } from "@/lib/time";
import type { ChildCounts } from "./children";
import type { HeadlineCounts } from "./headline";
import { childJoinSql, mainPopulationSql, type ChildRef } from "./nodes";
import { instantSqlOf, weightedSql, type Counts, type ViewContext } from "./view";

/** The as-of instant's figures of a node: its headline, per category and per child. */
export type AsOfFigures = {
  headline: HeadlineCounts;
  byCategory: Map<string, Counts>;
  children: Map<string, ChildCounts>;
  /** The node's red and yellow items (at-risk.ts counts them otherwise). */
  colours: { red: number; yellow: number };
};

type Row = HeadlineCounts & {
  /** Which grouping the row is: the node ("node"), a category or a child. */
  grouping: "node" | "category" | "child";
  key: string | null;
  red: number;
  yellow: number;
};

/**
 * An enterprise's as-of figures from the raw history in ONE pass over one population (main,
 * applicable items at the as-of instant, with the colour rule on the as-of day), grouped three
 * ways at once (GROUPING SETS): the node (total, completed, pending claims, weighted progress,
 * red, yellow), each category (total, completed) and each child (total, completed, weighted
 * progress, red, yellow): what headlineCounts, byCategory and childCounts compute with a
 * population each. An enterprise's children (its depth-1 subtrees then) are disjoint, so no item
 * is counted twice. Not for a supervisor (its headline and categories from the roll-up cost less
 * than the two extra groupings: measured) nor the whole scope (its children, by grants, may
 * overlap).
 */
export async function asOfFigures(
  ctx: ViewContext,
  children: readonly ChildRef[],
): Promise<AsOfFigures> {
  if (ctx.node.type !== "enterprise") throw new Error("asOfFigures: an enterprise node only");
  const { items, where } = mainPopulationSql(ctx, ctx.at, ctx.day);
  // Red is "open and due before the day" (risk.ts) written out: the colour CASE, with its
  // look-ups of percent and last entry, runs only for the open items due later.
  const day = Prisma.sql`${isoDay(ctx.day)}::date`;
  const rows = await ctx.db.$queryRaw<Row[]>`
    SELECT CASE WHEN GROUPING(ch."childId") = 0 THEN 'child'
                WHEN GROUPING(p."categoryId") = 0 THEN 'category' ELSE 'node' END AS "grouping",
           COALESCE(ch."childId", p."categoryId")::text AS "key",
           count(*)::int AS "total",
           count(*) FILTER (WHERE p."completed")::int AS "completed",
           count(*) FILTER (WHERE p."claimPending")::int AS "pendingClaims",
           ${weightedSql("p")} AS "weightedProgressPercent",
           count(*) FILTER (WHERE NOT p."completed" AND p."dueDate" < ${day})::int AS "red",
           count(*) FILTER (WHERE NOT p."completed" AND p."dueDate" >= ${day}
             AND p."colour" = 'yellow')::int AS "yellow"
    -- Filtered whole before grouping (OFFSET 0): pulled up under GROUPING SETS, the history
    -- look-ups ran for every candidate item before its span was found not main.
    FROM (SELECT * FROM ${items} p WHERE ${where} OFFSET 0) p
    ${childJoinSql(children, "p", instantSqlOf(ctx.at), true)}
    GROUP BY GROUPING SETS ((), (p."categoryId"), (ch."childId"))`;
  const node = rows.find((r) => r.grouping === "node");
  const figures: AsOfFigures = {
    headline: {
      total: node?.total ?? 0,
      completed: node?.completed ?? 0,
      pendingClaims: node?.pendingClaims ?? 0,
      weightedProgressPercent: node?.weightedProgressPercent ?? null,
    },
    byCategory: new Map(),
    children: new Map(),
    colours: { red: node?.red ?? 0, yellow: node?.yellow ?? 0 },
  };
  for (const r of rows) {
    if (r.grouping === "category" && r.key)
      figures.byCategory.set(r.key, { total: r.total, completed: r.completed });
    // The row of no child (NULL key) holds the node's own items.
    if (r.grouping === "child" && r.key)
      figures.children.set(r.key, {
        total: r.total,
        completed: r.completed,
        weighted: r.weightedProgressPercent,
        red: r.red,
        yellow: r.yellow,
      });
  }
  return figures;
}
