import "server-only";
import type { DbTx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { addDays, chinaDay, isoDay } from "@/lib/time";
import { itemsAsOfSql, validAtSql } from "../population";
import { itemsWithColourAsOfSql } from "../risk";
import { latestValueSql } from "./indicators";
import { rollupAsOfSql, rollupPairAsOfSql } from "./read";
import { groupAtSql } from "./stream";

/** One key where the roll-up disagrees with its recomputation. */
export type RollupDifference = {
  programmeId: string;
  /**
   * "month": a RollupMonth row is not the sum of its days; "day": figures as of a day differ;
   * "node": an enterprise subtree's RollupNodeMonth figures at a month's end differ;
   * "indicator": a supervisor's figures of an indicator (`indicatorId`) as of a day differ;
   * "group": a supervisor's group's (`enterpriseId`) RollupGroupDay figures as of a day differ.
   */
  kind: "month" | "day" | "node" | "indicator" | "group";
  at: string;
  /** The key (null on a node difference, which names `enterpriseId`). */
  supervisorId: string | null;
  categoryId: string | null;
  isMain: boolean;
  enterpriseId?: string;
  indicatorId?: string;
  rollup: string;
  raw: string;
};

const KEY = `"supervisorId", "categoryId", "isMain"`;

/** The last instant of China day d."day" (the days checked), as UTC. */
const AT = Prisma.raw(`(d."day"::timestamp + interval '16 hours' - interval '1 millisecond')`);

/** Figures as text, zeros for a missing side, so rows compare as one value. */
const figures = (alias: string) =>
  Prisma.raw(`concat_ws(' ', COALESCE(${alias}."total", 0), COALESCE(${alias}."completed", 0),
    COALESCE(${alias}."pendingClaims", 0), COALESCE(${alias}."weight", 0)::numeric(30, 2),
    COALESCE(${alias}."weightedPercent", 0)::numeric(30, 2), COALESCE(${alias}."red", 0),
    COALESCE(${alias}."yellow", 0))`);

/**
 * Recomputes the roll-up from the raw history and lists every disagreement: each RollupMonth row
 * against the sum of its RollupDay rows, and, at each of `days` (default: every month end from
 * the programme's start and today), every key's roll-up figures against THE population
 * (`itemsAsOfSql`) grouped the same way. Empty when the roll-up is exact.
 */
export async function verifyRollups(
  db: DbTx,
  options: {
    programmeId?: string;
    days?: readonly Date[];
    /** Days checked besides the default ones. */
    extraDays?: readonly Date[];
    now?: Date;
  } = {},
): Promise<RollupDifference[]> {
  const programmes = await db.programme.findMany({
    where: options.programmeId ? { id: options.programmeId } : {},
    select: { id: true, startDate: true },
  });
  const out: RollupDifference[] = [];
  for (const p of programmes) {
    out.push(...(await monthDifferences(db, p.id)));
    const days = [
      ...(options.days ?? monthEnds(p.startDate, chinaDay(options.now))),
      ...(options.extraDays ?? []),
    ];
    out.push(...(await dayDifferences(db, p.id, days)));
    // Node rows are monthly: checked at month ends, and today (no change is dated later).
    const today = isoDay(chinaDay(options.now));
    const ends = days.filter((d) => addDays(d, 1).getUTCDate() === 1 || isoDay(d) === today);
    out.push(...(await nodeDifferences(db, p.id, ends)));
    out.push(...(await indicatorDifferences(db, p.id, days)));
    out.push(...(await groupDifferences(db, p.id, days)));
  }
  return out;
}

function monthEnds(start: Date, today: Date): Date[] {
  const days: Date[] = [];
  for (
    let m = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
    m <= today;
  ) {
    days.push(addDays(m, -1));
    m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1));
  }
  return [...days, today];
}

function monthDifferences(db: DbTx, programmeId: string) {
  return db.$queryRaw<RollupDifference[]>`
    WITH d AS (
      SELECT ${Prisma.raw(KEY)}, date_trunc('month', "day")::date AS "month",
             sum("total") AS "total", sum("completed") AS "completed",
             sum("pendingClaims") AS "pendingClaims", sum("weight") AS "weight",
             sum("weightedPercent") AS "weightedPercent", sum("red") AS "red",
             sum("yellow") AS "yellow"
      FROM "RollupDay" WHERE "programmeId" = ${programmeId}::uuid
      GROUP BY ${Prisma.raw(KEY)}, 4
    ), m AS (SELECT * FROM "RollupMonth" WHERE "programmeId" = ${programmeId}::uuid)
    SELECT ${programmeId} AS "programmeId", 'month' AS "kind", "month"::text AS "at",
           "supervisorId"::text AS "supervisorId", "categoryId"::text AS "categoryId", "isMain",
           ${figures("m")} AS "rollup", ${figures("d")} AS "raw"
    FROM m FULL JOIN d USING ("supervisorId", "categoryId", "isMain", "month")
    WHERE ${figures("m")} <> ${figures("d")}`;
}

function dayDifferences(db: DbTx, programmeId: string, days: readonly Date[]) {
  return db.$queryRaw<RollupDifference[]>`
    WITH r AS (
      SELECT d."day", ${Prisma.raw(KEY.replace(/"(\w+)"/g, 'x."$1"'))},
             sum(x."total") AS "total", sum(x."completed") AS "completed",
             sum(x."pendingClaims") AS "pendingClaims", sum(x."weight") AS "weight",
             sum(x."weightedPercent") AS "weightedPercent", sum(x."red") AS "red",
             sum(x."yellow") AS "yellow"
      FROM unnest(${days.map(isoDay)}::date[]) d("day")
      CROSS JOIN LATERAL ${rollupAsOfSql(programmeId)} x
      GROUP BY 1, 2, 3, 4
    ), p AS (
      SELECT d."day", p."supervisorId", p."categoryId", p."isMain", count(*) AS "total",
             count(*) FILTER (WHERE p."completed") AS "completed",
             count(*) FILTER (WHERE p."claimPending") AS "pendingClaims",
             sum(p."weight") AS "weight",
             sum(p."weight" * CASE WHEN p."completed" THEN 100 ELSE p."percentDone" END) AS "weightedPercent",
             count(*) FILTER (WHERE p."colour" = 'red') AS "red",
             count(*) FILTER (WHERE p."colour" = 'yellow') AS "yellow"
      FROM unnest(${days.map(isoDay)}::date[]) d("day")
      CROSS JOIN LATERAL ${itemsWithColourAsOfSql({ programmeId, at: AT, day: Prisma.raw(`d."day"`) })} p
      WHERE NOT p."notApplicable"
      GROUP BY 1, 2, 3, 4
    )
    SELECT ${programmeId} AS "programmeId", 'day' AS "kind", "day"::text AS "at",
           "supervisorId"::text AS "supervisorId", "categoryId"::text AS "categoryId", "isMain",
           ${figures("r")} AS "rollup", ${figures("p")} AS "raw"
    FROM r FULL JOIN p USING ("day", "supervisorId", "categoryId", "isMain")
    WHERE ${figures("r")} <> ${figures("p")}`;
}

function nodeDifferences(db: DbTx, programmeId: string, days: readonly Date[]) {
  if (!days.length) return Promise.resolve([]);
  const pair = (alias: string) =>
    Prisma.raw(`concat_ws(' ', COALESCE(${alias}."total", 0), COALESCE(${alias}."completed", 0))`);
  return db.$queryRaw<RollupDifference[]>`
    WITH r AS (
      SELECT d."day", x."enterpriseId", sum(x."total") AS "total", sum(x."completed") AS "completed"
      FROM unnest(${days.map(isoDay)}::date[]) d("day")
      JOIN "RollupNodeMonth" x ON x."programmeId" = ${programmeId}::uuid
        AND x."month" <= date_trunc('month', d."day")::date
      GROUP BY 1, 2
    ), p AS (
      SELECT d."day", ns."ancestorId" AS "enterpriseId", count(*) AS "total",
             count(*) FILTER (WHERE p."completed") AS "completed"
      FROM unnest(${days.map(isoDay)}::date[]) d("day")
      CROSS JOIN LATERAL ${itemsAsOfSql({ programmeId, at: AT })} p
      JOIN "EnterpriseClosureSpan" ns
        ON ns."descendantId" = p."enterpriseId" AND ${validAtSql("ns", AT)}
      WHERE p."isMain" AND NOT p."notApplicable"
      GROUP BY 1, 2
    )
    SELECT ${programmeId} AS "programmeId", 'node' AS "kind", "day"::text AS "at",
           NULL AS "supervisorId", NULL AS "categoryId", true AS "isMain",
           "enterpriseId"::text AS "enterpriseId", ${pair("r")} AS "rollup", ${pair("p")} AS "raw"
    FROM r FULL JOIN p USING ("day", "enterpriseId")
    WHERE ${pair("r")} <> ${pair("p")}`;
}

function groupDifferences(db: DbTx, programmeId: string, days: readonly Date[]) {
  if (!days.length) return Promise.resolve([]);
  const six = (alias: string) =>
    Prisma.raw(`concat_ws(' ', COALESCE(${alias}."total", 0), COALESCE(${alias}."completed", 0),
      COALESCE(${alias}."weight", 0)::numeric(30, 2), COALESCE(${alias}."weightedPercent", 0)::numeric(30, 2),
      COALESCE(${alias}."red", 0), COALESCE(${alias}."yellow", 0))`);
  return db.$queryRaw<RollupDifference[]>`
    WITH r AS (
      SELECT d."day", x."supervisorId", x."groupId", sum(x."total") AS "total",
             sum(x."completed") AS "completed", sum(x."weight") AS "weight",
             sum(x."weightedPercent") AS "weightedPercent", sum(x."red") AS "red",
             sum(x."yellow") AS "yellow"
      FROM unnest(${days.map(isoDay)}::date[]) d("day")
      CROSS JOIN LATERAL ${rollupPairAsOfSql(
        "RollupGroup",
        `"supervisorId", "groupId", "total", "completed", "weight",
    "weightedPercent", "red", "yellow"`,
        programmeId,
      )} x
      GROUP BY 1, 2, 3
    ), p AS (
      SELECT d."day", p."supervisorId", ${groupAtSql(Prisma.raw(`p."enterpriseId"`), AT)} AS "groupId",
             count(*) AS "total", count(*) FILTER (WHERE p."completed") AS "completed",
             sum(p."weight") AS "weight",
             sum(p."weight" * CASE WHEN p."completed" THEN 100 ELSE p."percentDone" END) AS "weightedPercent",
             count(*) FILTER (WHERE p."colour" = 'red') AS "red",
             count(*) FILTER (WHERE p."colour" = 'yellow') AS "yellow"
      FROM unnest(${days.map(isoDay)}::date[]) d("day")
      CROSS JOIN LATERAL ${itemsWithColourAsOfSql({ programmeId, at: AT, day: Prisma.raw(`d."day"`) })} p
      WHERE p."isMain" AND NOT p."notApplicable"
      GROUP BY 1, 2, 3
    )
    SELECT ${programmeId} AS "programmeId", 'group' AS "kind", "day"::text AS "at",
           "supervisorId"::text AS "supervisorId", NULL AS "categoryId", true AS "isMain",
           "groupId"::text AS "enterpriseId", ${six("r")} AS "rollup", ${six("p")} AS "raw"
    FROM r FULL JOIN p USING ("day", "supervisorId", "groupId")
    WHERE ${six("r")} <> ${six("p")}`;
}

function indicatorDifferences(db: DbTx, programmeId: string, days: readonly Date[]) {
  if (!days.length) return Promise.resolve([]);
  const sums = (alias: string) =>
    Prisma.raw(`concat_ws(' ', COALESCE(${alias}."items", 0), COALESCE(${alias}."actual", 0)::numeric(30, 4),
      COALESCE(${alias}."ownBaseline", 0)::numeric(30, 4), COALESCE(${alias}."ownBaselines", 0),
      COALESCE(${alias}."ownTarget", 0)::numeric(30, 4), COALESCE(${alias}."ownTargets", 0))`);
  return db.$queryRaw<RollupDifference[]>`
    WITH r AS (
      SELECT d."day", x."supervisorId", x."indicatorId", sum(x."items") AS "items",
             sum(x."actual") AS "actual", sum(x."ownBaseline") AS "ownBaseline",
             sum(x."ownBaselines") AS "ownBaselines", sum(x."ownTarget") AS "ownTarget",
             sum(x."ownTargets") AS "ownTargets"
      FROM unnest(${days.map(isoDay)}::date[]) d("day")
      CROSS JOIN LATERAL ${rollupPairAsOfSql(
        "RollupIndicator",
        `"supervisorId", "indicatorId", "items", "actual", "ownBaseline",
    "ownBaselines", "ownTarget", "ownTargets"`,
        programmeId,
      )} x
      GROUP BY 1, 2, 3
    ), p AS (
      SELECT d."day", p."supervisorId", idf."id" AS "indicatorId", count(*) AS "items",
             sum(v."value") AS "actual", sum(lit."baseline") AS "ownBaseline",
             count(lit."baseline") AS "ownBaselines", sum(lit."target") AS "ownTarget",
             count(lit."target") AS "ownTargets"
      FROM unnest(${days.map(isoDay)}::date[]) d("day")
      CROSS JOIN LATERAL ${itemsAsOfSql({ programmeId, at: AT })} p
      JOIN "IndicatorDefinition" idf ON idf."taskId" = p."taskId"
      ${latestValueSql(Prisma.raw(`p."itemId"`), AT)}
      WHERE NOT p."notApplicable"
      GROUP BY 1, 2, 3
    )
    SELECT ${programmeId} AS "programmeId", 'indicator' AS "kind", "day"::text AS "at",
           "supervisorId"::text AS "supervisorId", NULL AS "categoryId", false AS "isMain",
           "indicatorId"::text AS "indicatorId", ${sums("r")} AS "rollup", ${sums("p")} AS "raw"
    FROM r FULL JOIN p USING ("day", "supervisorId", "indicatorId")
    WHERE ${sums("r")} <> ${sums("p")}`;
}

export const describeDifference = (d: RollupDifference) =>
  d.kind === "indicator"
    ? `indicator ${d.at} programme ${d.programmeId} supervisor ${d.supervisorId} indicator ${d.indicatorId}: roll-up [${d.rollup}] != raw [${d.raw}] (items actual own-baseline own-baselines own-target own-targets)`
    : d.kind === "group"
      ? `group ${d.at} programme ${d.programmeId} supervisor ${d.supervisorId} group ${d.enterpriseId}: roll-up [${d.rollup}] != raw [${d.raw}] (total completed weight weighted% red yellow)`
      : d.kind === "node"
        ? `node ${d.at} programme ${d.programmeId} enterprise ${d.enterpriseId}: roll-up [${d.rollup}] != raw [${d.raw}] (total completed)`
        : `${d.kind} ${d.at} programme ${d.programmeId} supervisor ${d.supervisorId} category ${d.categoryId} ` +
          `${d.isMain ? "main" : "other"}: roll-up [${d.rollup}] != raw [${d.raw}] (total completed pending weight weighted% red yellow)`;
