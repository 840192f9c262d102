import "server-only";
import {
  checkKeysetCursor,
  encodeKeysetCursor,
  invalidCursor,
  type KeysetCursor,
} from "@/lib/api/cursor";
import type { Actor } from "@/lib/auth/policy";
import { ledgerItemScopeWhere } from "@/lib/auth/scope";
import { getDb, type DbTx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { chinaDay } from "@/lib/time";
import { listWhereSql } from "./list-filter";
import {
  afterSql,
  filterColours,
  keyFits,
  LIST_FROM,
  orderBySql,
  orderSegments,
} from "./list-order";
import { lastClosedRounds, rowSelect, toRow } from "./rows";
import { LIST_COUNT_CAP, type LedgerListFilter, type LedgerPage } from "./schemas";

type Keyed = { id: string; key: string | null; segment: number };

/**
 * One page by keyset: the segments of the order read one after the other from the cursor's, each
 * an ordered, limited statement (usually the first fills the page, so one statement a page).
 * `small`: at most SMALL rows match, so each segment reads its rows through the
 * filters' own indexes and sorts them (MATERIALIZED keeps the planner from walking the order's
 * index instead, which reads far more than the page when the matching rows sort late, e.g. a
 * group whose items all have a low percent done).
 */
async function pageKeys(
  db: DbTx,
  filter: LedgerListFilter,
  where: Prisma.Sql,
  cursor: KeysetCursor | undefined,
  today: Date,
  small: boolean,
): Promise<Keyed[]> {
  const segments = orderSegments(filter.sort, filter.order, today);
  const colours = filterColours(filter.colour, filter.overdue);
  const take = filter.limit + 1;
  const out: Keyed[] = [];
  for (let i = cursor?.segment ?? 0; i < segments.length && out.length < take; i++) {
    const s = segments[i]!;
    if (colours && s.colours && !s.colours.some((c) => colours.includes(c))) continue;
    const after = cursor && cursor.segment === i ? afterSql(s, cursor.key, cursor.id) : null;
    const select = Prisma.sql`
      SELECT li."id", ${s.key ?? Prisma.sql`NULL::text`} AS "key"
      FROM ${LIST_FROM} ${s.join ?? Prisma.empty}
      WHERE ${where} AND ${s.where} ${after ? Prisma.sql`AND ${after}` : Prisma.empty}`;
    const rows = await db.$queryRaw<{ id: string; key: string | null }[]>`
      WITH li AS ${small ? Prisma.sql`MATERIALIZED` : Prisma.sql`NOT MATERIALIZED`} (${select})
      SELECT li."id"::text AS "id", li."key"::text AS "key" FROM li
      ${orderBySql({ ...s, key: s.key && Prisma.sql`li."key"` })}
      LIMIT ${take - out.length}`;
    out.push(...rows.map((r) => ({ ...r, segment: i })));
  }
  return out;
}

/** Up to this many matching rows, a page reads them all and sorts (see `pageKeys`). */
const SMALL = 10_000;

/**
 * How many rows match, counted up to SMALL + 1 (a cheap bound that also picks the page's plan):
 * an exact total up to LIST_COUNT_CAP, else "more than the cap" (`totalCapped`), so a page never
 * counts the whole country.
 */
async function cappedCount(db: DbTx, where: Prisma.Sql) {
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS "n" FROM (SELECT 1 FROM ${LIST_FROM} WHERE ${where}
    LIMIT ${SMALL + 1}) x`;
  const n = row?.n ?? 0;
  return {
    total: Math.min(n, LIST_COUNT_CAP),
    totalCapped: n > LIST_COUNT_CAP,
    small: n <= SMALL,
  };
}

/** The work ledger: scoped, filtered, sorted, paged; with `asOf`, a figure's population then. */
export async function listLedgerItems(actor: Actor, filter: LedgerListFilter): Promise<LedgerPage> {
  const db = getDb();
  const now = new Date();
  const today = chinaDay(now);
  const order = `${filter.sort}:${filter.order}`;
  const cursor = await checkKeysetCursor(filter.cursor, order, (id) =>
    db.ledgerItem.findFirst({
      where: { AND: [{ id }, ledgerItemScopeWhere(actor)] },
      select: { id: true },
    }),
  );
  if (
    cursor &&
    !keyFits(orderSegments(filter.sort, filter.order, today)[cursor.segment], cursor.key)
  )
    throw invalidCursor();
  const where = await listWhereSql(db, actor, filter, now);
  const { small, ...count } = await cappedCount(db, where);
  const keys = await pageKeys(db, filter, where, cursor, today, small);
  const page = keys.slice(0, filter.limit);
  const found = await db.ledgerItem.findMany({
    where: { id: { in: page.map((k) => k.id) } },
    select: rowSelect,
  });
  const byId = new Map(found.map((r) => [r.id, r]));
  const rows = page.flatMap((k) => byId.get(k.id) ?? []);
  const rounds = await lastClosedRounds(
    db,
    rows.map((r) => r.programmeId),
  );
  const last = page.at(-1);
  return {
    items: rows.map((r) => toRow(r, today, rounds)),
    nextCursor: keys.length > filter.limit && last ? encodeKeysetCursor({ order, ...last }) : null,
    ...count,
  };
}
