import "server-only";
import type { DbTx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { itemsAsOfSql } from "../population";
import { rollupPairAsOfSql, rollupSupervisorSql } from "./read";
import { dayOf, endOfDay, spanDays } from "./stream";

/**
 * The indicator roll-up (RollupIndicatorDay / RollupIndicatorMonth): what the dashboard's
 * indicator totals (../indicators.ts) sum, per programme x supervisor x indicator. An item's
 * contribution at an instant, for each indicator of its task: nothing unless it is in the
 * population and applicable then and has reported a value by then that was not returned;
 * otherwise 1 item, its latest such value, and its own baseline and target
 * (LedgerIndicatorTarget; the definition's stand in when read, so they are counted apart).
 * Streams as stream.ts's: for each change day from D0, the contribution at its end minus the one
 * at the end of the day before, so withRollup's subtract-before / add-after keeps it exact.
 *
 * Change days: creation, each value reported, the item's spans (applicable), its former
 * enterprises' and its enterprises' supervisor spans. A returned entry changes the item's values
 * from the entry's creation on: its reviewer streams from then (review-entry.ts). Nothing in the
 * app writes LedgerIndicatorTarget (the seed and the generator do, before the rebuild); a writer
 * of it would stream the item from its creation.
 */

/** One grouped delta row; the decimals travel as text so they stay exact. */
export type IndicatorStreamRow = {
  programmeId: string;
  supervisorId: string;
  indicatorId: string;
  day: string;
  items: number;
  actual: string;
  ownBaseline: string;
  ownBaselines: number;
  ownTarget: string;
  ownTargets: number;
};

/** The indicator stream of items `itemIds` (a uuid[] expression) from day `d0` (over `li`). */
export function indicatorStreamFromSql(itemIds: Prisma.Sql, d0: Prisma.Sql): Prisma.Sql {
  const id = Prisma.raw(`s."id"`);
  const on = Prisma.raw(`(u."day" - k."back")`);
  const formerEnterprises = Prisma.sql`ANY(ARRAY(SELECT fe."enterpriseId"
    FROM "LedgerItemFormerEnterprise" fe WHERE fe."ledgerItemId" = ${id}))`;
  return Prisma.sql`
    WITH s AS (
      SELECT li."id", li."programmeId", li."enterpriseId", li."createdAt", ${d0} AS "d0"
      FROM "LedgerItem" li
      WHERE li."id" = ANY(${itemIds})
        AND EXISTS (SELECT 1 FROM "IndicatorDefinition" idf WHERE idf."taskId" = li."taskId")
    ), u AS (
      SELECT DISTINCT s."id", s."programmeId", x."day"
      FROM s CROSS JOIN LATERAL (
        SELECT s."d0" AS "day"
        UNION ALL SELECT ${dayOf(Prisma.raw(`s."createdAt"`))}
        UNION ALL SELECT ${dayOf(Prisma.raw(`iv."createdAt"`))} FROM "IndicatorValue" iv
          WHERE iv."ledgerItemId" = ${id} AND iv."createdAt" >= s."d0"::timestamp - interval '8 hours'
        UNION ALL ${spanDays("LedgerItemSpan", "ledgerItemId", id)}
        UNION ALL ${spanDays("LedgerItemFormerEnterprise", "ledgerItemId", id)}
        UNION ALL ${spanDays("EnterpriseSupervisorSpan", "enterpriseId", Prisma.raw(`s."enterpriseId"`))}
        UNION ALL ${spanDays("EnterpriseSupervisorSpan", "enterpriseId", formerEnterprises)}
      ) x WHERE x."day" >= s."d0"
    ), c AS (
      SELECT u."programmeId", u."day", k."sign", p."supervisorId", p."itemId", p."taskId",
             ${endOfDay(on)} AS "at"
      FROM u CROSS JOIN (VALUES (1, 0), (-1, 1)) k("sign", "back")
      CROSS JOIN LATERAL ${itemsAsOfSql({
        programmeId: Prisma.raw(`u."programmeId"`),
        at: endOfDay(on),
        itemId: Prisma.raw(`u."id"`),
      })} p
      WHERE NOT p."notApplicable"
    )
    SELECT c."programmeId"::text AS "programmeId", c."supervisorId"::text AS "supervisorId",
           idf."id"::text AS "indicatorId", c."day"::text AS "day", ${INDICATOR_SUMS}
    FROM c
    JOIN "IndicatorDefinition" idf ON idf."taskId" = c."taskId"
    ${latestValueSql(Prisma.raw(`c."itemId"`), Prisma.raw(`c."at"`))}
    GROUP BY c."programmeId", c."supervisorId", idf."id", c."day"
    HAVING ${nonZero}`;
}

/**
 * The latest value `v` of indicator `idf` that item `itemId` had reported by instant `at`,
 * entries returned left out, and its own baseline and target `lit`: the one definition the
 * dashboard's raw totals (../indicators.ts), this roll-up's stream and its verification read.
 */
export function latestValueSql(itemId: Prisma.Sql, at: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`JOIN LATERAL (
      SELECT iv."value" FROM "IndicatorValue" iv
      WHERE iv."ledgerItemId" = ${itemId} AND iv."indicatorId" = idf."id"
        AND NOT iv."returned" AND iv."createdAt" <= ${at}
      ORDER BY iv."createdAt" DESC, iv."entryId" DESC
      LIMIT 1
    ) v ON TRUE
    LEFT JOIN "LedgerIndicatorTarget" lit
      ON lit."ledgerItemId" = ${itemId} AND lit."indicatorId" = idf."id"`;
}

/** The stream row's figures over signed contributions `c` joined to `v` and `lit`. */
const INDICATOR_SUMS = Prisma.raw(`sum(c."sign")::int AS "items",
           sum(c."sign" * v."value")::text AS "actual",
           COALESCE(sum(c."sign" * lit."baseline"), 0)::text AS "ownBaseline",
           sum(CASE WHEN lit."baseline" IS NOT NULL THEN c."sign" ELSE 0 END)::int AS "ownBaselines",
           COALESCE(sum(c."sign" * lit."target"), 0)::text AS "ownTarget",
           sum(CASE WHEN lit."target" IS NOT NULL THEN c."sign" ELSE 0 END)::int AS "ownTargets"`);

const nonZero = Prisma.raw(`sum(c."sign") <> 0 OR sum(c."sign" * v."value") <> 0
        OR COALESCE(sum(c."sign" * lit."baseline"), 0) <> 0
        OR sum(CASE WHEN lit."baseline" IS NOT NULL THEN c."sign" ELSE 0 END) <> 0
        OR COALESCE(sum(c."sign" * lit."target"), 0) <> 0
        OR sum(CASE WHEN lit."target" IS NOT NULL THEN c."sign" ELSE 0 END) <> 0`);

const FIGURES = ["items", "actual", "ownBaseline", "ownBaselines", "ownTarget", "ownTargets"];
const KEY = Prisma.raw(`"programmeId", "supervisorId", "indicatorId"`);

/**
 * Adds the rows of `stream` (IndicatorStreamRow columns) and subtracts `minus` (a jsonb array of
 * rows read earlier), per key and day into RollupIndicatorDay and per key and month into
 * RollupIndicatorMonth, in key order (concurrent writers lock shared rows in the same order).
 */
export function applyIndicatorJsonSql(stream: Prisma.Sql, minus: Prisma.Sql): Prisma.Sql {
  const sums = Prisma.raw(
    FIGURES.map((f) => `sum("${f}")${f.endsWith("s") ? "::int" : ""} AS "${f}"`).join(", "),
  );
  const add = (table: string, period: string) =>
    Prisma.raw(`ON CONFLICT ("programmeId", "${period}", "supervisorId", "indicatorId")
    DO UPDATE SET ${FIGURES.map((f) => `"${f}" = "${table}"."${f}" + EXCLUDED."${f}"`).join(", ")}`);
  const columns = Prisma.raw(FIGURES.map((f) => `"${f}"`).join(", "));
  return Prisma.sql`
    WITH st AS (${stream}), x AS (
      SELECT "programmeId"::uuid AS "programmeId", "supervisorId"::uuid AS "supervisorId",
             "indicatorId"::uuid AS "indicatorId", "day"::date AS "day", "items",
             "actual"::numeric AS "actual", "ownBaseline"::numeric AS "ownBaseline",
             "ownBaselines", "ownTarget"::numeric AS "ownTarget", "ownTargets" FROM st
      UNION ALL
      SELECT "programmeId"::uuid, "supervisorId"::uuid, "indicatorId"::uuid, "day"::date,
             -"items", -("actual"::numeric), -("ownBaseline"::numeric), -"ownBaselines",
             -("ownTarget"::numeric), -"ownTargets"
      FROM jsonb_to_recordset(${minus}) AS r("programmeId" text, "supervisorId" text,
        "indicatorId" text, "day" text, "items" int, "actual" text, "ownBaseline" text,
        "ownBaselines" int, "ownTarget" text, "ownTargets" int)
    ), g AS (
      SELECT ${KEY}, "day", ${sums} FROM x
      GROUP BY ${KEY}, "day"
      HAVING ${Prisma.raw(FIGURES.map((f) => `sum("${f}") <> 0`).join(" OR "))}
    ), d AS (
      INSERT INTO "RollupIndicatorDay" (${KEY}, "day", ${columns})
      SELECT ${KEY}, "day", ${columns} FROM g ORDER BY ${KEY}, "day"
      ${add("RollupIndicatorDay", "day")}
    )
    INSERT INTO "RollupIndicatorMonth" (${KEY}, "month", ${columns})
    SELECT ${KEY}, date_trunc('month', "day")::date AS "month", ${sums} FROM g
    GROUP BY ${KEY}, 4 ORDER BY ${KEY}, 4
    ${add("RollupIndicatorMonth", "month")}`;
}

/** Items per statement of the rebuild (each streamed from its creation). */
const REBUILD_BATCH = 5_000;

/**
 * Recomputes the indicator roll-up of one programme (or all) from the raw history: every item of
 * a task with indicators streamed from its creation, a batch of items a statement.
 */
export async function rebuildIndicatorRollups(db: DbTx, programmeId?: string): Promise<void> {
  const where = programmeId ? Prisma.sql`"programmeId" = ${programmeId}::uuid` : Prisma.sql`TRUE`;
  await db.$executeRaw`DELETE FROM "RollupIndicatorDay" WHERE ${where}`;
  await db.$executeRaw`DELETE FROM "RollupIndicatorMonth" WHERE ${where}`;
  const items = await db.$queryRaw<{ id: string }[]>`
    SELECT li."id"::text AS "id" FROM "LedgerItem" li
    WHERE ${programmeId ? Prisma.sql`li."programmeId" = ${programmeId}::uuid` : Prisma.sql`TRUE`}
      AND li."taskId" IN (SELECT "taskId" FROM "IndicatorDefinition")
    ORDER BY li."id"`;
  const created = dayOf(Prisma.raw(`li."createdAt"`));
  for (let i = 0; i < items.length; i += REBUILD_BATCH) {
    const ids = items.slice(i, i + REBUILD_BATCH).map((r) => r.id);
    await db.$executeRaw`${applyIndicatorJsonSql(
      indicatorStreamFromSql(Prisma.sql`${ids}::uuid[]`, created),
      Prisma.sql`'[]'::jsonb`,
    )}`;
  }
}

/**
 * The roll-up's indicator figures as of the end of China day `day` per code and unit, for the
 * rows of `supervisors` ("all" or a list): the columns ../indicators.ts reads raw. The
 * definition's baseline (target) counts for every item without its own; a code and unit no item
 * has reported is left out.
 */
export function rollupIndicatorTotalsSql(
  programmeId: string,
  day: string,
  supervisors: "all" | string[],
): Prisma.Sql {
  const own = (figure: "Baseline" | "Target", column: "baseline" | "target") =>
    Prisma.raw(`CASE WHEN idf."${column}" IS NULL
        THEN CASE WHEN r."own${figure}s" > 0 THEN r."own${figure}" END
        ELSE r."own${figure}" + idf."${column}" * (r."items" - r."own${figure}s") END`);
  return Prisma.sql`
    WITH r AS (
      SELECT y."indicatorId", sum(y."items")::int AS "items", sum(y."actual") AS "actual",
             sum(y."ownBaseline") AS "ownBaseline", sum(y."ownBaselines")::int AS "ownBaselines",
             sum(y."ownTarget") AS "ownTarget", sum(y."ownTargets")::int AS "ownTargets"
      FROM (SELECT ${day}::date AS "day") d
      CROSS JOIN LATERAL ${rollupPairAsOfSql(
        "RollupIndicator",
        `"supervisorId", "indicatorId", "items", "actual", "ownBaseline", "ownBaselines",
        "ownTarget", "ownTargets"`,
        programmeId,
      )} y
      WHERE ${rollupSupervisorSql("y", supervisors)}
      GROUP BY y."indicatorId"
      HAVING sum(y."items") <> 0
    )
    SELECT idf."code", idf."unit"::text AS "unit",
           min(idf."nameZh") AS "nameZh", min(idf."nameEn") AS "nameEn",
           sum(${own("Baseline", "baseline")})::float8 AS "baseline",
           sum(${own("Target", "target")})::float8 AS "target",
           sum(r."actual")::float8 AS "actual",
           sum(r."items")::int AS "items"
    FROM r JOIN "IndicatorDefinition" idf ON idf."id" = r."indicatorId"
    GROUP BY idf."code", idf."unit"
    ORDER BY idf."code", idf."unit"`;
}
