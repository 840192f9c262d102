import "server-only";
import { checkKeysetCursor, encodeKeysetCursor, type KeysetCursor } from "@/lib/api/cursor";
import type { Actor } from "@/lib/auth/policy";
import { ledgerItemScopeWhere } from "@/lib/auth/scope";
import { getDb, type DbTx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { chinaDay } from "@/lib/time";
import { listWhereSql } from "./list-filter";
import { afterSql, filterColours, LIST_FROM, orderBySql, orderSegments } from "./list-order";
import { lastClosedRounds, rowSelect, toRow } from "./rows";
import { LIST_COUNT_CAP, type LedgerListFilter, type LedgerPage } from "./schemas";

type Keyed = { id: string; key: string | null; segment: number };

/**
 * One page by keyset: the segments of the order read one after the other from the cursor's, each
 * an ordered, limited statement (usually the first fills the page, so one statement a page).
 */
async function pageKeys(
  db: DbTx,
  filter: LedgerListFilter,
  where: Prisma.Sql,
  cursor: KeysetCursor | undefined,
  today: Date,
): Promise<Keyed[]> {
  const segments = orderSegments(filter.sort, filter.order, today);
  const colours = filterColours(filter.colour, filter.overdue);
  const take = filter.limit + 1;
  const out: Keyed[] = [];
  for (let i = cursor?.segment ?? 0; i < segments.length && out.length < take; i++) {
    const s = segments[i]!;
    if (colours && s.colours && !s.colours.some((c) => colours.includes(c))) continue;
    const after = cursor && cursor.segment === i ? afterSql(s, cursor.key, cursor.id) : null;
    const rows = await db.$queryRaw<{ id: string; key: string | null }[]>`
      SELECT li."id"::text AS "id", ${s.key ? Prisma.sql`${s.key}::text` : Prisma.sql`NULL`} AS "key"
      FROM ${LIST_FROM} ${s.join ?? Prisma.empty}
      WHERE ${where} AND ${s.where} ${after ? Prisma.sql`AND ${after}` : Prisma.empty}
      ${orderBySql(s)}
      LIMIT ${take - out.length}`;
    out.push(...rows.map((r) => ({ ...r, segment: i })));
  }
  return out;
}

/**
 * How many rows match, counting at most LIST_COUNT_CAP + 1: an exact total up to the cap, else
 * "more than the cap" (`totalCapped`), so a page never counts the whole country.
 */
async function cappedCount(db: DbTx, where: Prisma.Sql) {
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS "n" FROM (SELECT 1 FROM ${LIST_FROM} WHERE ${where}
    LIMIT ${LIST_COUNT_CAP + 1}) x`;
  const n = row?.n ?? 0;
  return n > LIST_COUNT_CAP
    ? { total: LIST_COUNT_CAP, totalCapped: true }
    : { total: n, totalCapped: false };
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
  const where = await listWhereSql(db, actor, filter, now);
  const [keys, count] = await Promise.all([
    pageKeys(db, filter, where, cursor, today),
    cappedCount(db, where),
  ]);
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
