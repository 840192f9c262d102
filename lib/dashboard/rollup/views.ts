import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { isoDay } from "@/lib/time";
import type { ViewContext } from "../view";
import { rollupDaysSql, rollupSupervisorSql, rollupWeightedSql } from "./read";

/**
 * The dashboard views read from the roll-up, one grouped statement each, with the same columns as
 * their raw forms (headline.ts, month-trend.ts, categories.ts, children.ts). Main items only;
 * not-applicable items never entered the roll-up. The caller has checked with
 * `rollupSupervisors` that the rows of `supervisors` are the viewer's figures.
 */
type Supervisors = "all" | string[];

/** A pair of roll-up tables (`${prefix}Month`, `${prefix}Day`), its figures and its rows' filter. */
type Source = {
  prefix: "Rollup" | "RollupGroup";
  figures: readonly string[];
  rows: (alias: string) => Prisma.Sql;
};

const FIGURES = ["total", "completed", "weight", "weightedPercent", "red", "yellow"];

/** RollupMonth / RollupDay: main items, the rows of `supervisors`. */
const mainSource = (ctx: Pick<ViewContext, "programmeId">, supervisors: Supervisors): Source => ({
  prefix: "Rollup",
  figures: [...FIGURES, "pendingClaims"],
  rows: (alias) => Prisma.sql`${Prisma.raw(`${alias}."programmeId"`)} = ${ctx.programmeId}::uuid
    AND ${Prisma.raw(`${alias}."isMain"`)} AND ${rollupSupervisorSql(alias, supervisors)}`,
});

/**
 * `WITH ... SELECT` head and FROM clause of a view: the months are summed per month and `group`
 * (a column of the roll-up, or none) once, so each instant adds up a few rows per month, then its
 * own month's days. Rows are r("g", "total", ...).
 */
function parts(
  ctx: Pick<ViewContext, "programmeId">,
  instants: readonly Date[],
  supervisors: Supervisors,
  group: "supervisorId" | "categoryId" | "groupId" | null,
  source: Source = mainSource(ctx, supervisors),
) {
  const g = Prisma.raw(group ? `"${group}"` : `NULL::uuid`);
  const figures = Prisma.raw(source.figures.map((f) => `"${f}"`).join(", "));
  const sums = Prisma.raw(source.figures.map((f) => `sum("${f}") AS "${f}"`).join(", "));
  const head = Prisma.sql`WITH mo AS MATERIALIZED (
      SELECT "month", ${g} AS "g", ${sums} FROM ${Prisma.raw(`"${source.prefix}Month"`)} m
      WHERE ${source.rows("m")} GROUP BY 1, 2)`;
  const from = Prisma.sql`FROM ${rollupDaysSql(instants)} CROSS JOIN LATERAL (
      SELECT "g", ${figures} FROM mo
      WHERE mo."month" < date_trunc('month', d."day" + 1)::date
      UNION ALL
      SELECT ${g}, ${figures}
      FROM ${Prisma.raw(`"${source.prefix}Day"`)} x
      WHERE ${source.rows("x")}
        AND x."day" >= date_trunc('month', d."day" + 1)::date AND x."day" <= d."day") r`;
  return { head, from };
}

const counts = Prisma.raw(`COALESCE(sum(r."total"), 0)::int AS "total",
  COALESCE(sum(r."completed"), 0)::int AS "completed"`);
const colours = Prisma.raw(`COALESCE(sum(r."red"), 0)::int AS "red",
  COALESCE(sum(r."yellow"), 0)::int AS "yellow"`);

/** Headline counts, with red and yellow, per instant (i = 1..n). */
export function rollupHeadline<T>(
  ctx: ViewContext,
  instants: readonly Date[],
  supervisors: Supervisors,
) {
  const { head, from } = parts(ctx, instants, supervisors, null);
  return ctx.db.$queryRaw<T[]>`${head}
    SELECT d."i"::int AS "i", ${counts}, ${colours},
           COALESCE(sum(r."pendingClaims"), 0)::int AS "pendingClaims",
           ${rollupWeightedSql("r")} AS "weightedProgressPercent"
    ${from}
    GROUP BY d."i"`;
}

/** Total and completed per instant (i = 1..n). */
export function rollupCounts<T>(
  ctx: Pick<ViewContext, "db" | "programmeId">,
  instants: readonly Date[],
  supervisors: Supervisors,
) {
  const { head, from } = parts(ctx, instants, supervisors, null);
  return ctx.db.$queryRaw<T[]>`${head}
    SELECT d."i"::int AS "i", ${counts} ${from} GROUP BY d."i"`;
}

/** The programme's categories with their counts at the as-of instant, in catalogue order. */
export function rollupCategories<T>(ctx: ViewContext, supervisors: Supervisors) {
  const { head, from } = parts(ctx, [ctx.at], supervisors, "categoryId");
  return ctx.db.$queryRaw<T[]>`${head}
    SELECT c."id"::text AS "categoryId", c."code", c."nameZh", c."nameEn",
           COALESCE(g."total", 0)::int AS "total", COALESCE(g."completed", 0)::int AS "completed"
    FROM "Category" c
    LEFT JOIN (SELECT r."g", ${counts} ${from} GROUP BY r."g") g ON g."g" = c."id"
    WHERE c."programmeId" = ${ctx.programmeId}::uuid
    ORDER BY c."sortOrder", c."code"`;
}

/** Per supervisor child: counts, weighted progress and red/yellow at each instant (childCounts' columns). */
export function rollupChildCounts(
  ctx: ViewContext,
  instants: readonly Date[],
  supervisors: string[],
): Prisma.Sql {
  const { head, from } = parts(ctx, instants, supervisors, "supervisorId");
  return Prisma.sql`(${head}
    SELECT d."i"::int AS "i", r."g"::text AS "childId", ${counts},
           ${rollupWeightedSql("r")} AS "weighted", ${colours}
    ${from}
    GROUP BY d."i", r."g")`;
}

/**
 * An enterprise subtree's total and completed at the ends of `monthEnds` (China days, each the
 * last of its month; i = 1..n) from RollupNodeMonth. The caller has checked with
 * `rollupNodeStands` that they are the viewer's figures.
 */
export function rollupNodeCounts<T>(
  ctx: Pick<ViewContext, "db" | "programmeId">,
  enterpriseId: string,
  monthEnds: readonly Date[],
) {
  return ctx.db.$queryRaw<T[]>`
    SELECT d."i"::int AS "i", ${counts}
    FROM unnest(${monthEnds.map(isoDay)}::date[]) WITH ORDINALITY AS d("day", "i")
    LEFT JOIN "RollupNodeMonth" r ON r."programmeId" = ${ctx.programmeId}::uuid
      AND r."enterpriseId" = ${enterpriseId}::uuid AND r."month" <= date_trunc('month', d."day")::date
    GROUP BY d."i"`;
}

/**
 * A supervisor's groups' counts, weighted progress and colours per instant (i = 1..n) from
 * RollupGroupDay / RollupGroupMonth: the rows of the groups `groups` under `supervisorId`. The
 * caller has checked that the supervisor's rows are the viewer's figures (rollupSupervisors)
 * and that each group was a root at every instant (children.ts, groupsStand).
 */
export function rollupGroupCounts(
  ctx: Pick<ViewContext, "programmeId">,
  instants: readonly Date[],
  supervisorId: string,
  groups: readonly string[],
): Prisma.Sql {
  const { head, from } = parts(ctx, instants, [supervisorId], "groupId", {
    prefix: "RollupGroup",
    figures: FIGURES,
    rows: (alias) => Prisma.sql`${Prisma.raw(`${alias}."programmeId"`)} = ${ctx.programmeId}::uuid
      AND ${rollupSupervisorSql(alias, [supervisorId])}
      AND ${Prisma.raw(`${alias}."groupId"`)} = ANY(${[...groups]}::uuid[])`,
  });
  return Prisma.sql`${head}
    SELECT d."i"::int AS "i", r."g"::text AS "childId", ${counts},
           ${rollupWeightedSql("r")} AS "weighted", ${colours}
    ${from}
    GROUP BY d."i", r."g"`;
}
