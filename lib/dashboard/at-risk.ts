import "server-only";
import type { DbTx } from "@/lib/db/client";
import { itemColour } from "@/lib/ledger/colour";
import { rowSelect, toRow } from "@/lib/ledger/rows";
import { Prisma } from "@/lib/generated/prisma/client";
import { LIST_COUNT_CAP, type LedgerItemRow, type LedgerStatus } from "@/lib/ledger/schemas";
import { addDays, isoDay } from "@/lib/time";
import { isAfterEverythingRecorded } from "./population";
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
      due: Prisma.sql`li."dueDate" < ${day}`,
      known: counted?.red,
      windows: [Prisma.sql`TRUE`],
    },
    {
      sql: yellow,
      due: Prisma.sql`li."dueDate" >= ${day}`,
      known: counted?.yellow,
      // The colour rule looks up each item's history: the yellow rows are looked for among
      // the items falling due soonest first, so a node with thousands of open items evaluates
      // a few hundred (a national supervisor's past day: 0.6 s when all were evaluated).
      windows: dueWindows(ctx.day),
    },
  ];
  // Walking the programme by due date suits a node holding a large share of its items: the whole
  // programme, or a supervisor (an enterprise subtree is read through its own index).
  const walks =
    (ctx.node.type === "supervisor" || (ctx.node.type === "scope" && ctx.actor.scopeAll)) &&
    !isAfterEverythingRecorded(ctx.at);
  // One statement after another: the dashboard reads its figures in one transaction.
  const rows: Row[] = [];
  let n = 0;
  for (const { sql: part, due, known, windows } of parts) {
    if (known !== undefined) n += known;
    const need = AT_RISK_LIMIT - rows.length;
    let after: Key | null = null;
    if (walks && known && need > 0) {
      const walked = await walk(ctx, part, due, need, known);
      rows.push(...walked.rows);
      if (walked.done) continue;
      after = walked.after;
    }
    const from = after
      ? Prisma.sql`(p."dueDate", p."itemId") > (${after.dueDate}::date, ${after.id}::uuid)`
      : Prisma.sql`TRUE`;
    for (const window of windows)
      if (rows.length < AT_RISK_LIMIT && known !== 0)
        rows.push(
          ...(await ctx.db.$queryRaw<Row[]>`
            SELECT p."itemId"::text AS "itemId", p."status"::text AS "status", p."completed",
                   p."claimPending", p."percentDone", p."lastEntryAt", p."lastRoundStart"
            FROM ${source} p WHERE ${where} AND ${part} AND ${window} AND ${from}
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

type Key = { dueDate: string; id: string };

/**
 * The walk's first chunk (items) and how far it goes before leaving the rest to the node's scan
 * (items walked per item of the colour the node has). Tests shrink them to take every path.
 */
export const WALK = { firstChunk: 256, perKnown: 8 };

/**
 * A cheap condition on a walked item c: it may belong to the node (a superset, so the population
 * decides): for a supervisor, its enterprise, or its enterprise before a merge, was ever
 * supervised by it.
 */
function mayBelong(ctx: ViewContext): Prisma.Sql {
  if (ctx.node.type !== "supervisor") return Prisma.sql`TRUE`;
  const supervisor = Prisma.sql`x."supervisorId" = ${ctx.node.id}::uuid`;
  return Prisma.sql`(EXISTS (SELECT 1 FROM "EnterpriseSupervisorSpan" x
      WHERE x."enterpriseId" = c."enterpriseId" AND ${supervisor})
    OR EXISTS (SELECT 1 FROM "LedgerItemFormerEnterprise" f
      JOIN "EnterpriseSupervisorSpan" x ON x."enterpriseId" = f."enterpriseId"
      WHERE f."ledgerItemId" = c."id" AND ${supervisor}))`;
}

/**
 * Up to `need` rows of a colour (`part`, over the population p) in due-date order, found by
 * walking the programme's open items by due date (`due`, over LedgerItem li) in chunks growing
 * fourfold, each chunk's items placed and coloured one by one: a scope or supervisor with tens
 * of thousands of red items fills the page from the first few hundred, where a scan of the
 * node's items evaluated and sorted them all (a national supervisor's past day: 0.55-0.92 s). A
 * supervisor's walk skips other supervisors' items by one index probe each before placing any.
 * When the walk has passed `WALK.perKnown` times as many items as the node has of the colour
 * (`known`), they are sparse in it: the caller goes on with the node's own scan (some 6-10 us an
 * item, against 2-3 us an item walked past) after the last key walked.
 */
async function walk(
  ctx: ViewContext,
  part: Prisma.Sql,
  due: Prisma.Sql,
  need: number,
  known: number,
): Promise<{ rows: Row[]; done: boolean; after: Key | null }> {
  const { items, where } = mainPopulationSql(ctx, ctx.at, ctx.day, Prisma.raw(`c."id"`));
  const at = Prisma.sql`${ctx.at.toISOString()}::timestamp`;
  const rows: Row[] = [];
  let after: Key | null = null;
  let walked = 0;
  for (let chunk = WALK.firstChunk; walked <= WALK.perKnown * known; chunk *= 4) {
    const open: Prisma.Sql = Prisma.sql`li."programmeId" = ${ctx.programmeId}::uuid AND ${due}
      AND li."createdAt" <= ${at} AND (li."completedAt" IS NULL OR li."completedAt" > ${at})
      ${after ? Prisma.sql`AND (li."dueDate", li."id") > (${after.dueDate}::date, ${after.id}::uuid)` : Prisma.empty}`;
    // The chunk in key order; the nested loop keeps it, so the page stops the walk. OFFSET 0
    // keeps each item's population a sub-query of its own, evaluated per item: pulled up, the
    // planner may join the chunk to whole tables instead (a seq scan of every item's span).
    const found = await ctx.db.$queryRaw<Row[]>`
      SELECT p."itemId"::text AS "itemId", p."status"::text AS "status", p."completed",
             p."claimPending", p."percentDone", p."lastEntryAt", p."lastRoundStart"
      FROM (SELECT li."id", li."dueDate", li."enterpriseId" FROM "LedgerItem" li WHERE ${open}
            ORDER BY li."dueDate", li."id" LIMIT ${chunk}) c
      CROSS JOIN LATERAL (SELECT * FROM ${items} p OFFSET 0) p
      WHERE ${mayBelong(ctx)} AND ${where} AND ${part}
      ORDER BY c."dueDate", c."id" LIMIT ${need - rows.length}`;
    rows.push(...found);
    if (rows.length >= need) return { rows, done: true, after: null };
    // The chunk is used up: its last key, none when it was the range's end.
    const [last]: Key[] = await ctx.db.$queryRaw<Key[]>`
      SELECT li."dueDate"::text AS "dueDate", li."id"::text AS "id" FROM "LedgerItem" li
      WHERE ${open} ORDER BY li."dueDate", li."id" OFFSET ${chunk - 1} LIMIT 1`;
    if (!last) return { rows, done: true, after: null };
    after = last;
    walked += chunk;
  }
  return { rows, done: false, after };
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
