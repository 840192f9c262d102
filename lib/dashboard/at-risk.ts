import "server-only";
import type { DbTx } from "@/lib/db/client";
import { itemColour } from "@/lib/ledger/colour";
import { rowSelect, toRow } from "@/lib/ledger/rows";
import { Prisma } from "@/lib/generated/prisma/client";
import { LIST_COUNT_CAP, type LedgerItemRow, type LedgerStatus } from "@/lib/ledger/schemas";
import { addDays, isoDay } from "@/lib/time";
import { ledgerListUrl } from "./drill-down";
import { mainPopulationSql, nodeFilter } from "./nodes";
import { statusAsOf } from "./risk";
import type { ViewContext } from "./view";

export const AT_RISK_LIMIT = 50;

type Row = {
  itemId: string;
  status: LedgerStatus;
  completed: boolean;
  claimPending: boolean;
  percentDone: number;
  lastEntryAt: Date | null;
  lastRoundStart: Date | null;
};

export type AtRiskAsOf = Row;

/**
 * Red and yellow main items of the node at the as-of instant (overdue, behind plan, silent in the
 * last closed round): the count, up to LIST_COUNT_CAP ("1,000+" beyond), and the first 50, red
 * first, then by due date. Red is exactly "applicable, not completed, due before the day"
 * (lib/dashboard/risk.ts), written out so the planner sees a range of due dates rather than a
 * CASE it cannot estimate; so the red rows, then (only if needed) the yellow ones due from the
 * day on, are ordered scans by due date that stop at the page or the cap, instead of the colour
 * of every item of the node evaluated and sorted. Counts already made (an enterprise's as-of
 * pass) are taken as they are, and a colour with none is not read.
 */
export async function atRisk(
  ctx: ViewContext,
  /** The node's red and yellow counts when already counted (as-of.ts): not counted again. */
  counted?: { red: number; yellow: number },
) {
  const { items: source, where } = mainPopulationSql(ctx, ctx.at, ctx.day);
  const day = Prisma.sql`${isoDay(ctx.day)}::date`;
  const yellow = Prisma.sql`p."dueDate" >= ${day} AND p."colour" = 'yellow'`;
  const parts = [
    {
      sql: Prisma.sql`NOT p."completed" AND p."dueDate" < ${day}`,
      known: counted?.red,
      windows: [Prisma.sql`TRUE`],
    },
    {
      sql: yellow,
      known: counted?.yellow,
      // The colour rule looks up each item's history: the yellow rows are looked for among
      // the items falling due soonest first, so a node with thousands of open items evaluates
      // a few hundred (a national supervisor's past day: 0.6 s when all were evaluated).
      windows: dueWindows(ctx.day),
    },
  ];
  // One statement after another: the dashboard reads its figures in one transaction.
  const rows: Row[] = [];
  let n = 0;
  for (const { sql: part, known, windows } of parts) {
    if (known !== undefined) n += known;
    for (const window of windows)
      if (rows.length < AT_RISK_LIMIT && known !== 0)
        rows.push(
          ...(await ctx.db.$queryRaw<Row[]>`
            SELECT p."itemId"::text AS "itemId", p."status"::text AS "status", p."completed",
                   p."claimPending", p."percentDone", p."lastEntryAt", p."lastRoundStart"
            FROM ${source} p WHERE ${where} AND ${part} AND ${window}
            ORDER BY p."dueDate", p."itemId" LIMIT ${AT_RISK_LIMIT - rows.length}`),
        );
    if (known === undefined && n <= LIST_COUNT_CAP) {
      const [found] = await ctx.db.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS "n" FROM (SELECT 1 FROM ${source} p WHERE ${where} AND ${part}
        LIMIT ${LIST_COUNT_CAP + 1 - n}) x`;
      n += found?.n ?? 0;
    }
  }
  return {
    total: Math.min(n, LIST_COUNT_CAP),
    totalCapped: n > LIST_COUNT_CAP,
    rows,
    drillDown: ledgerListUrl({
      programmeId: ctx.programmeId,
      asOf: ctx.asOf,
      ...nodeFilter(ctx.node),
      colour: "atRisk",
    }),
  };
}

/**
 * Consecutive ranges of due dates from `day` on (a month, a quarter, a year, the rest), in
 * order, as conditions on p."dueDate": read one after another until the page is full.
 */
function dueWindows(day: Date): Prisma.Sql[] {
  const ends = [31, 92, 366].map((days) => isoDay(addDays(day, days)));
  return [...ends, null].map((end, k) => {
    const from = k === 0 ? null : ends[k - 1]!;
    return Prisma.sql`${from ? Prisma.sql`p."dueDate" >= ${from}::date` : Prisma.sql`TRUE`}
      AND ${end ? Prisma.sql`p."dueDate" < ${end}::date` : Prisma.sql`TRUE`}`;
  });
}

/**
 * The at-risk rows as ledger rows showing the item as it stood at the as-of day (status, percent
 * done, last entry, colour). Reads names and codes only, so it may run outside the figures'
 * transaction (Prisma loads relations with concurrent queries, which a transaction must not).
 */
export async function atRiskItems(
  db: DbTx,
  rows: readonly AtRiskAsOf[],
  day: Date,
): Promise<LedgerItemRow[]> {
  const found = await db.ledgerItem.findMany({
    where: { id: { in: rows.map((r) => r.itemId) } },
    select: rowSelect,
  });
  const byId = new Map(found.map((r) => [r.id, r]));
  return rows.flatMap((asOf): LedgerItemRow[] => {
    const current = byId.get(asOf.itemId);
    if (!current) return [];
    const then = {
      ...current,
      status: statusAsOf(asOf),
      percentDone: asOf.percentDone,
      lastEntryAt: asOf.lastEntryAt,
    };
    const rule = { ...current.programme, lastRoundPeriodStart: asOf.lastRoundStart };
    return [{ ...toRow(then, day), colour: itemColour(then, rule, day) }];
  });
}
