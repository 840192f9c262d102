import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { chinaDay, isoDay } from "@/lib/time";
import { itemsAsOfSql, validAtSql } from "../population";

/**
 * An item's roll-up stream from day D0: for D0 and every later China day on which its history
 * changes, its contribution to the dashboard figures at the end of that day minus the one at the
 * end of the day before. Summed up to any day D >= D0 it telescopes to contribution(end of D) -
 * contribution(end of D0 - 1), so subtracting a set's stream before a change and adding it after
 * keeps the roll-up exact for any change dated on or after D0.
 *
 * The contribution is the item's row of THE population (`itemsAsOfSql`) at the instant, keyed by
 * (programme, supervisor, category, main flag): total 1, completed, claim pending, weight and
 * weight x percent (completed counts 100), i.e. what `weightedSql` sums. Not-applicable items and
 * items outside the population (not yet created, no span) contribute nothing.
 */

/** Where a stream starts: an instant (its China day), or each item's creation day (its whole history). */
export type StreamFrom = Date | "created";

/** One grouped delta row; the decimals travel as text so they stay exact. */
export type StreamRow = {
  programmeId: string;
  /** Null on a node row. */
  supervisorId: string | null;
  categoryId: string | null;
  isMain: boolean;
  day: string;
  total: number;
  completed: number;
  pendingClaims: number;
  weight: string;
  weightedPercent: string;
  /** The enterprise whose subtree the row counts (a RollupNodeMonth row), else null. */
  nodeId: string | null;
};

/** The China day of a UTC timestamp (Prisma stores DateTime as UTC `timestamp(3)`). */
const dayOf = (t: Prisma.Sql) => Prisma.sql`(${t} + interval '8 hours')::date`;
/** The last instant of China day `d` (a date), as UTC: d 00:00 China = d - 8 h, + 24 h - 1 ms. */
const endOfDay = (d: Prisma.Sql) =>
  Prisma.sql`(${d}::timestamp + interval '16 hours' - interval '1 millisecond')`;

/** Both ends of a span table's rows for the item (a NULL end never yields a day). */
function spanDays(table: string, column: string, value: Prisma.Sql): Prisma.Sql {
  const t = Prisma.raw(`"${table}"`);
  const c = Prisma.raw(`"${column}"`);
  return Prisma.sql`SELECT ${dayOf(Prisma.raw(`v."t"`))} FROM ${t} x
    CROSS JOIN LATERAL (VALUES (x."validFrom"), (x."validTo")) v("t")
    WHERE x.${c} = ${value} AND v."t" IS NOT NULL`;
}

/**
 * The stream of the items `itemIds` from `from`, grouped per key and day, zero rows left out.
 * `itemIds` is a SQL expression of a uuid[].
 */
export function streamSql(itemIds: Prisma.Sql, from: StreamFrom): Prisma.Sql {
  const d0 =
    from === "created"
      ? dayOf(Prisma.raw(`li."createdAt"`))
      : Prisma.sql`${isoDay(chinaDay(from))}::date`;
  const id = Prisma.raw(`s."id"`);
  const day = Prisma.raw(`u."day"`);
  const contribution = (sign: number, at: Prisma.Sql) => Prisma.sql`
    SELECT u."programmeId", u."day", ${sign}::int AS "sign", p."supervisorId", p."categoryId",
           p."isMain", p."completed", p."claimPending", p."percentDone", p."weight",
           p."enterpriseId", ${at} AS "at"
    FROM u CROSS JOIN LATERAL ${itemsAsOfSql({
      programmeId: Prisma.raw(`u."programmeId"`),
      at,
      itemId: Prisma.raw(`u."id"`),
    })} p
    WHERE NOT p."notApplicable"`;
  return Prisma.sql`
    WITH s AS (
      SELECT li."id", li."programmeId", li."enterpriseId", li."createdAt", li."completedAt", ${d0} AS "d0"
      FROM "LedgerItem" li WHERE li."id" = ANY(${itemIds})
    ), u AS (
      SELECT DISTINCT s."id", s."programmeId", x."day"
      FROM s CROSS JOIN LATERAL (
        SELECT s."d0" AS "day"
        UNION ALL SELECT ${dayOf(Prisma.raw(`s."createdAt"`))}
        UNION ALL SELECT ${dayOf(Prisma.raw(`s."completedAt"`))} WHERE s."completedAt" IS NOT NULL
        UNION ALL SELECT ${dayOf(Prisma.raw(`pe."createdAt"`))} FROM "ProgressEntry" pe
          WHERE pe."ledgerItemId" = ${id} AND pe."createdAt" >= s."d0"::timestamp - interval '8 hours'
        UNION ALL SELECT ${dayOf(Prisma.raw(`ev."at"`))} FROM "LedgerStatusEvent" ev
          WHERE ev."ledgerItemId" = ${id} AND ev."at" >= s."d0"::timestamp - interval '8 hours'
        UNION ALL ${spanDays("LedgerItemSpan", "ledgerItemId", id)}
        UNION ALL ${spanDays("LedgerItemFormerEnterprise", "ledgerItemId", id)}
        UNION ALL ${spanDays("EnterpriseSupervisorSpan", "enterpriseId", Prisma.raw(`s."enterpriseId"`))}
        UNION ALL ${spanDays(
          "EnterpriseSupervisorSpan",
          "enterpriseId",
          Prisma.sql`ANY(ARRAY(SELECT fe."enterpriseId" FROM "LedgerItemFormerEnterprise" fe WHERE fe."ledgerItemId" = ${id}))`,
        )}
        UNION ALL ${spanDays("EnterpriseClosureSpan", "descendantId", Prisma.raw(`s."enterpriseId"`))}
        UNION ALL ${spanDays(
          "EnterpriseClosureSpan",
          "descendantId",
          Prisma.sql`ANY(ARRAY(SELECT fe."enterpriseId" FROM "LedgerItemFormerEnterprise" fe WHERE fe."ledgerItemId" = ${id}))`,
        )}
      ) x WHERE x."day" >= s."d0"
    ), c AS (
      ${contribution(1, endOfDay(day))}
      UNION ALL
      ${contribution(-1, endOfDay(Prisma.sql`(${day} - 1)`))}
    )
    SELECT ${streamColumns("claimPending", "percentDone")}, NULL::text AS "nodeId"
    FROM c
    GROUP BY c."programmeId", c."supervisorId", c."categoryId", c."isMain", c."day"
    HAVING sum(c."sign") <> 0 OR sum(CASE WHEN c."completed" THEN c."sign" ELSE 0 END) <> 0
        OR sum(CASE WHEN c."claimPending" THEN c."sign" ELSE 0 END) <> 0
        OR sum(c."sign" * c."weight") <> 0
        OR sum(c."sign" * c."weight" * CASE WHEN c."completed" THEN 100 ELSE c."percentDone" END) <> 0
    UNION ALL
    SELECT ${nodeStreamColumns(`ns."ancestorId"`)}
    FROM c JOIN "EnterpriseClosureSpan" ns
      ON ns."descendantId" = c."enterpriseId" AND ${validAtSql("ns", Prisma.raw(`c."at"`))}
    WHERE c."isMain"
    GROUP BY c."programmeId", ns."ancestorId", c."day"
    HAVING sum(c."sign") <> 0 OR sum(CASE WHEN c."completed" THEN c."sign" ELSE 0 END) <> 0`;
}

/**
 * The StreamRow columns summed over signed contributions `c` (columns "sign", "completed",
 * "weight", a claim flag and a percent): one definition for the writers' stream and the rebuild.
 */
export function streamColumns(claim: string, percent: string): Prisma.Sql {
  return Prisma.raw(`c."programmeId"::text AS "programmeId", c."supervisorId"::text AS "supervisorId",
           c."categoryId"::text AS "categoryId", c."isMain", c."day"::text AS "day",
           sum(c."sign")::int AS "total",
           sum(CASE WHEN c."completed" THEN c."sign" ELSE 0 END)::int AS "completed",
           sum(CASE WHEN c."${claim}" THEN c."sign" ELSE 0 END)::int AS "pendingClaims",
           sum(c."sign" * c."weight")::text AS "weight",
           sum(c."sign" * c."weight" * CASE WHEN c."completed" THEN 100 ELSE c."${percent}" END)::text
             AS "weightedPercent"`);
}

/**
 * A node row of the stream from signed contributions `c` (grouped by programme, the ancestor
 * column `node` and day): the StreamRow columns with only total and completed.
 */
export const nodeStreamColumns = (node: string) =>
  Prisma.raw(`c."programmeId"::text AS "programmeId",
           NULL::text AS "supervisorId", NULL::text AS "categoryId", true AS "isMain",
           c."day"::text AS "day", sum(c."sign")::int AS "total",
           sum(CASE WHEN c."completed" THEN c."sign" ELSE 0 END)::int AS "completed",
           0 AS "pendingClaims", '0' AS "weight", '0' AS "weightedPercent",
           ${node}::text AS "nodeId"`);
