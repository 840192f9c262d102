import "server-only";
import type { DbTx } from "@/lib/db/client";
import { itemColour } from "@/lib/ledger/colour";
import { rowSelect, toRow } from "@/lib/ledger/rows";
import type { LedgerItemRow, LedgerStatus } from "@/lib/ledger/schemas";
import { ledgerListUrl } from "./drill-down";
import { nodeFilter, populationWhereSql } from "./nodes";
import { itemsWithColourAsOfSql, statusAsOf } from "./risk";
import { instantSqlOf, type ViewContext } from "./view";

export const AT_RISK_LIMIT = 50;

type Row = {
  itemId: string;
  status: LedgerStatus;
  completed: boolean;
  claimPending: boolean;
  percentDone: number;
  lastEntryAt: Date | null;
  lastRoundStart: Date | null;
  total: number;
};

export type AtRiskAsOf = Row;

/**
 * Red and yellow main items of the node at the as-of instant (overdue, behind plan, silent in the
 * last closed round): the count and the first 50, red first, then by due date, in ONE statement.
 */
export async function atRisk(ctx: ViewContext) {
  const where = populationWhereSql(
    ctx.actor,
    "p",
    { ...nodeFilter(ctx.node), mainOnly: true },
    instantSqlOf(ctx.at),
  );
  const rows = await ctx.db.$queryRaw<Row[]>`
    SELECT p."itemId"::text AS "itemId", p."status"::text AS "status", p."completed",
           p."claimPending", p."percentDone", p."lastEntryAt", p."lastRoundStart",
           count(*) OVER ()::int AS "total"
    FROM ${itemsWithColourAsOfSql({ programmeId: ctx.programmeId, at: instantSqlOf(ctx.at), day: ctx.day })} p
    WHERE ${where} AND p."colour" IS NOT NULL
    ORDER BY (p."colour" = 'red') DESC, p."dueDate", p."itemId"
    LIMIT ${AT_RISK_LIMIT}`;
  return {
    total: rows[0]?.total ?? 0,
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
