import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ViewContext } from "../view";
import { rollupAsOfSql, rollupDaysSql, rollupSupervisorSql, rollupWeightedSql } from "./read";

/**
 * The dashboard views read from the roll-up, one grouped statement each, with the same columns as
 * their raw forms (headline.ts, month-trend.ts, categories.ts, children.ts). Main items only;
 * not-applicable items never entered the roll-up. The caller has checked with
 * `rollupSupervisors` that the rows of `supervisors` are the viewer's figures.
 */
type Supervisors = "all" | string[];

const from = (ctx: ViewContext, instants: readonly Date[], supervisors: Supervisors) =>
  Prisma.sql`FROM ${rollupDaysSql(instants)} CROSS JOIN LATERAL ${rollupAsOfSql(ctx.programmeId)} r
    WHERE r."isMain" AND ${rollupSupervisorSql("r", supervisors)}`;

const counts = Prisma.raw(`COALESCE(sum(r."total"), 0)::int AS "total",
  COALESCE(sum(r."completed"), 0)::int AS "completed"`);

/** Headline counts per instant (i = 1..n). */
export function rollupHeadline<T>(
  ctx: ViewContext,
  instants: readonly Date[],
  supervisors: Supervisors,
) {
  return ctx.db.$queryRaw<T[]>`
    SELECT d."i"::int AS "i", ${counts},
           COALESCE(sum(r."pendingClaims"), 0)::int AS "pendingClaims",
           ${rollupWeightedSql("r")} AS "weightedProgressPercent"
    ${from(ctx, instants, supervisors)}
    GROUP BY d."i"`;
}

/** Total and completed per instant (i = 1..n). */
export function rollupCounts<T>(
  ctx: ViewContext,
  instants: readonly Date[],
  supervisors: Supervisors,
) {
  return ctx.db.$queryRaw<T[]>`
    SELECT d."i"::int AS "i", ${counts} ${from(ctx, instants, supervisors)} GROUP BY d."i"`;
}

/** The programme's categories with their counts at the as-of instant, in catalogue order. */
export function rollupCategories<T>(ctx: ViewContext, supervisors: Supervisors) {
  return ctx.db.$queryRaw<T[]>`
    SELECT c."id"::text AS "categoryId", c."code", c."nameZh", c."nameEn",
           COALESCE(g."total", 0)::int AS "total", COALESCE(g."completed", 0)::int AS "completed"
    FROM "Category" c
    LEFT JOIN (
      SELECT r."categoryId", ${counts} ${from(ctx, [ctx.at], supervisors)} GROUP BY r."categoryId"
    ) g ON g."categoryId" = c."id"
    WHERE c."programmeId" = ${ctx.programmeId}::uuid
    ORDER BY c."sortOrder", c."code"`;
}

/** Per supervisor child: counts and weighted progress at each instant (childCounts' columns). */
export function rollupChildCounts(
  ctx: ViewContext,
  instants: readonly Date[],
  supervisors: string[],
): Prisma.Sql {
  return Prisma.sql`
    SELECT d."i"::int AS "i", r."supervisorId"::text AS "childId", ${counts},
           ${rollupWeightedSql("r")} AS "weighted", 0 AS "red", 0 AS "yellow"
    ${from(ctx, instants, supervisors)}
    GROUP BY d."i", r."supervisorId"`;
}
