import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { chinaDay, isoDay } from "@/lib/time";
import { validAtSql } from "../population";
import { itemsWithColourAsOfSql } from "../risk";

/**
 * An item's roll-up stream from day D0: for D0 and every later China day on which its history
 * changes, its contribution to the dashboard figures at the end of that day minus the one at the
 * end of the day before. Summed up to any day D >= D0 it telescopes to contribution(end of D) -
 * contribution(end of D0 - 1), so subtracting a set's stream before a change and adding it after
 * keeps the roll-up exact for any change dated on or after D0.
 *
 * The contribution is the item's row of THE population (`itemsAsOfSql`) at the instant, keyed by
 * (programme, supervisor, category, main flag): total 1, completed, claim pending, weight and
 * weight x percent (completed counts 100), i.e. what `weightedSql` sums, and red or yellow by the
 * colour rule at the end of the day (risk.ts). Not-applicable items and items outside the
 * population (not yet created, no span) contribute nothing.
 *
 * The colour also changes on days without a history row, so those are change days too
 * (`colourDaysSql`): the day after the due date (red), the days the straight-line plan passes each
 * percent the item held (yellow), and the programme's round closes (silent items turn yellow).
 * Such days may lie after today; sums up to a day ignore later rows. What the colour reads
 * besides the item's history (the programme's plan settings, its closed rounds, the due date)
 * is re-streamed by its writers (rebuild.ts, `withProgrammeRollup`).
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
  red: number;
  yellow: number;
  /** The enterprise whose subtree the row counts (a RollupNodeMonth row), else null. */
  nodeId: string | null;
  /** The group whose main items under the supervisor the row counts (a RollupGroupDay row), else null. */
  groupId: string | null;
};

/** The China day of a UTC timestamp (Prisma stores DateTime as UTC `timestamp(3)`). */
export const dayOf = (t: Prisma.Sql) => Prisma.sql`(${t} + interval '8 hours')::date`;
/** The last instant of China day `d` (a date), as UTC: d 00:00 China = d - 8 h, + 24 h - 1 ms. */
export const endOfDay = (d: Prisma.Sql) =>
  Prisma.sql`(${d}::timestamp + interval '16 hours' - interval '1 millisecond')`;

/** Both ends of a span table's rows for the item (a NULL end never yields a day). */
export function spanDays(table: string, column: string, value: Prisma.Sql): Prisma.Sql {
  const t = Prisma.raw(`"${table}"`);
  const c = Prisma.raw(`"${column}"`);
  return Prisma.sql`SELECT ${dayOf(Prisma.raw(`v."t"`))} FROM ${t} x
    CROSS JOIN LATERAL (VALUES (x."validFrom"), (x."validTo")) v("t")
    WHERE x.${c} = ${value} AND v."t" IS NOT NULL`;
}

/**
 * The days on which an item's colour may change with no history row, for an item row `i` with
 * columns "programmeId", "createdAt", "dueDate", "completedAt", "startDate" and
 * "behindPlanPoints" (the programme's):
 *   - the due date + 1: red from then;
 *   - per percent p it held (`planDaySql`), the first day D with plan(D) > p + b, i.e. D - start
 *     >= (p + b + 0.5) x span / 100 (plan = round(100 (D - start) / span), so plan >= p + b + 1),
 *     as the rule computes it in double precision (the exact day or one beside it); none when
 *     p + b >= 100 or the span is not positive (the plan is then constant);
 *   - each closed round's close (the silent test reads the last closed round).
 * Plan and round days count only while the item can turn yellow (`colourWindowSql`): from its
 * creation, up to its due date (red after) and its completion (no colour after).
 */
export function planDaySql(i: string, percent: Prisma.Sql): Prisma.Sql {
  const start = Prisma.raw(`${i}."startDate"`);
  const span = Prisma.raw(`(${i}."dueDate" - ${i}."startDate")`);
  const over = Prisma.sql`(${percent} + ${Prisma.raw(`${i}."behindPlanPoints"`)})`;
  const exact = Prisma.sql`(${start} + ceil((${over} + 0.5) * ${span} / 100.0)::int)`;
  const above = (day: Prisma.Sql) =>
    Prisma.sql`floor(((${day} - ${start})::float8 / ${span}::float8) * 100 + 0.5) > ${over}`;
  // The exact day, then the first of it and its neighbours on which the rule's own arithmetic
  // (risk.ts, colourCaseSql: double precision, monotone in the day) puts the plan above. A
  // scalar, not a selection: the rebuild evaluates it for every history day of every item.
  return Prisma.sql`(CASE WHEN ${span} > 0 AND ${over} < 100 THEN
      CASE WHEN ${above(Prisma.sql`(${exact} - 1)`)} THEN ${exact} - 1
           WHEN ${above(exact)} THEN ${exact} ELSE ${exact} + 1 END END)`;
}

/** `day` lies where plan and round days can change the item's colour (see planDaySql). */
export function colourWindowSql(i: string, day: Prisma.Sql): Prisma.Sql {
  const c = (column: string) => Prisma.raw(`${i}."${column}"`);
  return Prisma.sql`(${day} >= ${dayOf(c("createdAt"))} AND ${day} <= ${c("dueDate")}
    AND (${c("completedAt")} IS NULL OR ${day} <= ${dayOf(c("completedAt"))}))`;
}

/**
 * An item's colour days (see planDaySql) as one selection, for a row `s` and `percents` (a
 * one-column selection of every percent it ever held, 0 among them).
 */
function colourDaysSql(percents: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`SELECT s."dueDate" + 1
        UNION ALL SELECT k."day" FROM (
          SELECT ${planDaySql("s", Prisma.raw(`q."p"`))} FROM (${percents}) q("p")
          UNION ALL
          SELECT ${dayOf(Prisma.raw(`r."closedAt"`))} FROM "ReportingRound" r
          WHERE r."programmeId" = s."programmeId" AND r."status" = 'CLOSED'
        ) k("day")
        WHERE ${colourWindowSql("s", Prisma.raw(`k."day"`))}`;
}

/**
 * The stream of the items `itemIds` from `from`, grouped per key and day, zero rows left out.
 * `itemIds` is a SQL expression of a uuid[].
 */
export function streamSql(itemIds: Prisma.Sql, from: StreamFrom): Prisma.Sql {
  return streamFromSql(
    itemIds,
    from === "created" ? dayOf(Prisma.raw(`li."createdAt"`)) : Prisma.sql`${streamDay(from)}::date`,
  );
}

/** The China day (YYYY-MM-DD) a stream from instant `from` starts on. */
export const streamDay = (from: Date) => isoDay(chinaDay(from));

/**
 * streamSql from day `d0`, a date expression over the item row `li` (the roll-up functions of
 * ./maintain.ts pass their parameter).
 */
export function streamFromSql(itemIds: Prisma.Sql, d0: Prisma.Sql): Prisma.Sql {
  const id = Prisma.raw(`s."id"`);
  // Each change day's row at its end (+1) and at the end of the day before (-1): one evaluation
  // of the population over both (planning the statement is most of a writer's cost).
  const on = Prisma.raw(`(u."day" - k."back")`);
  const contributions = Prisma.sql`
    SELECT u."programmeId", u."day", k."sign", p."supervisorId", p."categoryId",
           p."isMain", p."completed", p."claimPending", p."percentDone", p."weight",
           p."enterpriseId", p."colour", ${endOfDay(on)} AS "at"
    FROM u CROSS JOIN (VALUES (1, 0), (-1, 1)) k("sign", "back")
    CROSS JOIN LATERAL ${itemsWithColourAsOfSql({
      programmeId: Prisma.raw(`u."programmeId"`),
      at: endOfDay(on),
      day: on,
      itemId: Prisma.raw(`u."id"`),
    })} p
    WHERE NOT p."notApplicable"`;
  // The percents held from D0 on: the last before it (entry or event, the later of which holds),
  // 0 (before any), and every one recorded since.
  const since = Prisma.raw(`s."d0"::timestamp - interval '8 hours'`);
  const percents = Prisma.sql`SELECT 0
          UNION SELECT (SELECT pe."percentDone" FROM "ProgressEntry" pe
            WHERE pe."ledgerItemId" = ${id} AND pe."createdAt" < ${since}
            ORDER BY pe."createdAt" DESC LIMIT 1)
          UNION SELECT (SELECT ev."percentDone" FROM "LedgerStatusEvent" ev
            WHERE ev."ledgerItemId" = ${id} AND ev."at" < ${since}
            ORDER BY ev."at" DESC, ev."id" DESC LIMIT 1)
          UNION SELECT pe."percentDone" FROM "ProgressEntry" pe
            WHERE pe."ledgerItemId" = ${id} AND pe."createdAt" >= ${since}
          UNION SELECT ev."percentDone" FROM "LedgerStatusEvent" ev
            WHERE ev."ledgerItemId" = ${id} AND ev."at" >= ${since}`;
  return Prisma.sql`
    WITH s AS (
      SELECT li."id", li."programmeId", li."enterpriseId", li."createdAt", li."completedAt",
             li."dueDate", pg."startDate", pg."behindPlanPoints", ${d0} AS "d0"
      FROM "LedgerItem" li JOIN "Programme" pg ON pg."id" = li."programmeId"
      WHERE li."id" = ANY(${itemIds})
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
        UNION ALL ${colourDaysSql(percents)}
      ) x WHERE x."day" >= s."d0"
    ), c AS (${contributions})
    SELECT ${streamColumns("claimPending", "percentDone")}, NULL::text AS "nodeId",
           NULL::text AS "groupId"
    FROM c
    GROUP BY c."programmeId", c."supervisorId", c."categoryId", c."isMain", c."day"
    HAVING ${changed}
    UNION ALL
    SELECT ${nodeStreamColumns(`ns."ancestorId"`)}
    FROM c JOIN "EnterpriseClosureSpan" ns
      ON ns."descendantId" = c."enterpriseId" AND ${validAtSql("ns", Prisma.raw(`c."at"`))}
    WHERE c."isMain"
    GROUP BY c."programmeId", ns."ancestorId", c."day"
    HAVING sum(c."sign") <> 0 OR sum(CASE WHEN c."completed" THEN c."sign" ELSE 0 END) <> 0
    UNION ALL
    SELECT ${streamColumns("claimPending", "percentDone", "NULL")}, NULL::text AS "nodeId",
           g."groupId"::text AS "groupId"
    FROM c CROSS JOIN LATERAL (
      SELECT ${groupAtSql(Prisma.raw(`c."enterpriseId"`), Prisma.raw(`c."at"`))} AS "groupId") g
    WHERE c."isMain"
    GROUP BY c."programmeId", c."supervisorId", g."groupId", c."isMain", c."day"
    HAVING ${changed}`;
}

/** Some figure of a group of signed contributions `c` changes (the stream leaves out zero rows). */
const changed =
  Prisma.raw(`sum(c."sign") <> 0 OR sum(CASE WHEN c."completed" THEN c."sign" ELSE 0 END) <> 0
        OR sum(CASE WHEN c."claimPending" THEN c."sign" ELSE 0 END) <> 0
        OR sum(c."sign" * c."weight") <> 0
        OR sum(c."sign" * c."weight" * CASE WHEN c."completed" THEN 100 ELSE c."percentDone" END) <> 0
        OR sum(CASE WHEN c."colour" IS NOT NULL THEN c."sign" ELSE 0 END) <> 0
        OR sum(CASE WHEN c."colour" = 'red' THEN c."sign" ELSE 0 END) <> 0`);

/**
 * The group (root of its tree) of enterprise `enterprise` at instant `at`: its farthest ancestor
 * then (a root is its own).
 */
export function groupAtSql(enterprise: Prisma.Sql, at: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(SELECT gs."ancestorId" FROM "EnterpriseClosureSpan" gs
      WHERE gs."descendantId" = ${enterprise} AND ${validAtSql("gs", at)}
      ORDER BY gs."depth" DESC LIMIT 1)`;
}

/**
 * The StreamRow columns summed over signed contributions `c` (columns "sign", "completed",
 * "weight", "colour", a claim flag and a percent): one definition for the writers' stream and the
 * rebuild.
 */
export function streamColumns(
  claim: string,
  percent: string,
  category = `c."categoryId"`,
): Prisma.Sql {
  return Prisma.raw(`c."programmeId"::text AS "programmeId", c."supervisorId"::text AS "supervisorId",
           ${category}::text AS "categoryId", c."isMain", c."day"::text AS "day",
           sum(c."sign")::int AS "total",
           sum(CASE WHEN c."completed" THEN c."sign" ELSE 0 END)::int AS "completed",
           sum(CASE WHEN c."${claim}" THEN c."sign" ELSE 0 END)::int AS "pendingClaims",
           sum(c."sign" * c."weight")::text AS "weight",
           sum(c."sign" * c."weight" * CASE WHEN c."completed" THEN 100 ELSE c."${percent}" END)::text
             AS "weightedPercent",
           sum(CASE WHEN c."colour" = 'red' THEN c."sign" ELSE 0 END)::int AS "red",
           sum(CASE WHEN c."colour" = 'yellow' THEN c."sign" ELSE 0 END)::int AS "yellow"`);
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
           0 AS "pendingClaims", '0' AS "weight", '0' AS "weightedPercent", 0 AS "red",
           0 AS "yellow", ${node}::text AS "nodeId", NULL::text AS "groupId"`);
