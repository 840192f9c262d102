import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { LedgerStatus, ListColour } from "@/lib/ledger/schemas";
import { isoDay } from "@/lib/time";
import { itemsAsOfSql } from "./population";

/**
 * The population with the colour rule's red and yellow (lib/ledger/colour.ts) evaluated in SQL at
 * an instant, so that counts of red and yellow items are one grouped statement. Same rule, same
 * order, as of the instant:
 *   none   = not applicable, or completed (approved) by then
 *   red    = due date before the as-of day
 *   yellow = percent done < straight-line plan - programme.behindPlanPoints, or the programme had a
 *            closed round by then, no claim was pending, and the last entry before the instant
 *            (or none) precedes that round's period start
 * `plannedPercent` is rounded as JavaScript's Math.round does (floor(x + 0.5) in double precision).
 * tests/integration/dashboard-colour.test.ts checks the equivalence on a table of cases.
 *
 * Extra columns: "colour" ('red' | 'yellow' | NULL) and "lastRoundStart" (the period start of the
 * last round closed by then), as of the instant.
 */
export function itemsWithColourAsOfSql(options: {
  /** A programme id, or a SQL expression of one (the roll-up's per-item evaluation). */
  programmeId: string | Prisma.Sql;
  at: Prisma.Sql;
  /** The as-of China day (overdue and the straight-line plan are judged on it), or a date expression. */
  day: Date | Prisma.Sql;
  /** Only this item (itemsAsOfSql's `itemId`). */
  itemId?: Prisma.Sql;
  /** Name every colour ('blue', 'green', 'done', 'na') instead of NULL for "not at risk". */
  full?: boolean;
  /** Only a node's items (itemsAsOfSql's `node`). */
  node?: { enterpriseId?: string; supervisorId?: string };
  /** itemsAsOfSql's `live` and `current`. */
  live?: boolean;
  current?: boolean;
}): Prisma.Sql {
  const { at, itemId } = options;
  const programmeId =
    typeof options.programmeId === "string"
      ? Prisma.sql`${options.programmeId}::uuid`
      : options.programmeId;
  const day = options.day instanceof Date ? Prisma.sql`${isoDay(options.day)}::date` : options.day;
  // The population's scalar sub-select: once this table is pulled up into the caller, it is
  // looked up only for the rows that reach the rule's last test (or that the caller selects).
  const lastEntryAt = Prisma.sql`p."lastEntryAt"`;
  // The last closed round as a sub-select, not a joined aggregate: at a constant instant it is
  // then computed once for the statement, where the join recomputed it for every item (a
  // group's past day under EXPLAIN ANALYZE: 21 of its 117 ms).
  const lastRoundStart = Prisma.sql`(SELECT max(r."periodStart") FROM "ReportingRound" r
      WHERE r."programmeId" = ${programmeId} AND r."status" = 'CLOSED' AND r."closedAt" <= ${at})`;
  const colour = colourCaseSql({
    day,
    full: options.full ?? false,
    notApplicable: Prisma.sql`p."notApplicable"`,
    completed: Prisma.sql`p."completed"`,
    claimPending: Prisma.sql`p."claimPending"`,
    percentDone: Prisma.sql`p."percentDone"`,
    dueDate: Prisma.sql`p."dueDate"`,
    lastEntryAt,
    lastRoundStart,
    startDate: Prisma.sql`pg."startDate"`,
    behindPlanPoints: Prisma.sql`pg."behindPlanPoints"`,
    dueSoonDays: Prisma.sql`pg."dueSoonDays"`,
  });
  return Prisma.sql`(
    SELECT p.*, ${lastRoundStart} AS "lastRoundStart", ${colour} AS "colour"
    FROM ${itemsAsOfSql({ programmeId, at, itemId, node: options.node, live: options.live, current: options.current })} p
    CROSS JOIN (SELECT "startDate", "behindPlanPoints", "dueSoonDays" FROM "Programme" WHERE "id" = ${programmeId}) pg
  )`;
}

/**
 * THE colour rule in SQL, over column expressions, so the dashboard (as of an instant) and the
 * ledger list (now, lib/ledger/list-order.ts) evaluate the same CASE. Without `full`, only red and
 * yellow are named and everything else is NULL (the dashboard's "at risk or not"); with it, the
 * rule's every colour as lib/ledger/colour.ts names it.
 */
export function colourCaseSql(c: {
  day: Prisma.Sql;
  full: boolean;
  notApplicable: Prisma.Sql;
  completed: Prisma.Sql;
  claimPending: Prisma.Sql;
  percentDone: Prisma.Sql;
  dueDate: Prisma.Sql;
  lastEntryAt: Prisma.Sql;
  lastRoundStart: Prisma.Sql;
  startDate: Prisma.Sql;
  behindPlanPoints: Prisma.Sql;
  dueSoonDays: Prisma.Sql;
}): Prisma.Sql {
  const { day } = c;
  // Constants of this module only, so written as literals. The last entry is named once ("none,
  // or before the round": COALESCE of the comparison): a look-up named twice is run twice.
  const name = (colour: string) => Prisma.raw(c.full ? `'${colour}'` : "NULL");
  return Prisma.sql`(CASE
        WHEN ${c.notApplicable} THEN ${name("na")}
        WHEN ${c.completed} THEN ${name("done")}
        WHEN ${c.dueDate} < ${day} THEN 'red'
        WHEN ${c.percentDone} < (CASE WHEN ${c.dueDate} - ${c.startDate} <= 0 THEN 100
              ELSE GREATEST(0, LEAST(100, floor(
                ((${day} - ${c.startDate})::float8 / (${c.dueDate} - ${c.startDate})::float8) * 100 + 0.5)))
              END) - ${c.behindPlanPoints} THEN 'yellow'
        WHEN ${c.lastRoundStart} IS NOT NULL AND NOT ${c.claimPending}
             AND COALESCE(${c.lastEntryAt} < ${c.lastRoundStart}::timestamp, TRUE) THEN 'yellow'
        WHEN ${c.dueDate} - ${day} <= ${c.dueSoonDays} THEN ${name("blue")}
        ELSE ${name("green")}
      END)`;
}

/** The SQL colour rule as a condition on the derived table above. */
export const AT_RISK_COLOURS = ["red", "yellow", "atRisk"] as const;
export type AtRiskColour = (typeof AT_RISK_COLOURS)[number];

export function colourWhereSql(alias: string, colour: ListColour): Prisma.Sql {
  const c = Prisma.raw(`${alias}."colour"`);
  return colour === "atRisk" ? Prisma.sql`${c} IN ('red', 'yellow')` : Prisma.sql`${c} = ${colour}`;
}

/**
 * The status an item had at the instant, from the population's flags: what the TS colour rule is
 * given for the as-of rows (completed counts from approval; a claim pending by then).
 */
export function statusAsOf(row: {
  completed: boolean;
  claimPending: boolean;
  status: LedgerStatus;
}): LedgerStatus {
  if (row.completed) return "COMPLETED";
  if (row.claimPending) return "COMPLETION_CLAIMED";
  return row.status === "COMPLETED" || row.status === "COMPLETION_CLAIMED"
    ? "IN_PROGRESS"
    : row.status;
}
