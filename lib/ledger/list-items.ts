import "server-only";
import {
  checkKeysetCursor,
  encodeKeysetCursor,
  invalidCursor,
  type KeysetCursor,
} from "@/lib/api/cursor";
import type { Actor } from "@/lib/auth/policy";
import { ledgerItemScopeWhere, scopeSupervisors } from "@/lib/auth/scope";
import { getDb, type DbTx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { chinaDay } from "@/lib/time";
import { listWhereSql } from "./list-filter";
import {
  afterSql,
  filterColours,
  keyFits,
  LIST_FROM,
  OPEN,
  orderBySql,
  orderSegments,
  type Segment,
} from "./list-order";
import { lastClosedRounds, rowSelect, toRow } from "./rows";
import { LIST_COUNT_CAP, type LedgerListFilter, type LedgerPage } from "./schemas";

type Keyed = { id: string; key: string | null; segment: number };
type Key = { id: string; key: string | null };

/**
 * One page by keyset: the segments of the order read one after the other from the cursor's, each
 * an ordered, limited statement (usually the first fills the page, so one statement a page).
 * `small`: few rows match (see NARROW_SMALL), so they are read through the filters' own indexes
 * and sorted (all the segments at once: smallPage); else each segment is walked in its order, a bounded way
 * (`walkedRows`).
 */
async function pageKeys(
  db: DbTx,
  filter: LedgerListFilter,
  where: Prisma.Sql,
  cursor: KeysetCursor | undefined,
  today: Date,
  small: boolean,
  walk: number,
  /** The one supervisor the rows all have (the viewer's scope, or the filter's): see seekSql. */
  supervisor: string | null,
): Promise<Keyed[]> {
  const segments = orderSegments(filter.sort, filter.order, today);
  const colours = filterColours(filter.colour, filter.overdue);
  const take = filter.limit + 1;
  if (small && segments.length > 1) return smallPage(db, segments, colours, where, cursor, take);
  const out: Keyed[] = [];
  for (let i = cursor?.segment ?? 0; i < segments.length && out.length < take; i++) {
    const s = segments[i]!;
    if (colours && s.colours && !s.colours.some((c) => colours.includes(c))) continue;
    const after = cursor && cursor.segment === i ? afterSql(s, cursor.key, cursor.id) : null;
    const segmentWhere = Prisma.join(
      [s.where, seekSql(filter, s, supervisor), ...(after ? [after] : [])],
      " AND ",
    );
    const rows = small
      ? await sortedRows(db, s, Prisma.sql`${where} AND ${segmentWhere}`, take - out.length)
      : await walkedRows(db, s, where, segmentWhere, take - out.length, walk);
    out.push(...rows.map((r) => ({ ...r, segment: i })));
  }
  return out;
}

/**
 * A page of a small population in an order of several segments (colour, urgency, last entry) in
 * one statement: the matching rows read once through the filters' own indexes, each given its
 * segment and key, sorted by segment, key (each segment's direction) and id. Read a segment at a
 * time, a filter that few rows match (a group's main items not started) read the group's rows
 * once per segment, five or six times (national data: 90-150 ms a page).
 */
async function smallPage(
  db: DbTx,
  segments: Segment[],
  colours: string[] | null,
  where: Prisma.Sql,
  cursor: KeysetCursor | undefined,
  take: number,
): Promise<Keyed[]> {
  const read = segments
    .map((s, i) => ({ s, i }))
    .filter(({ s, i }) => {
      if (cursor && i < cursor.segment) return false;
      return !(colours && s.colours && !s.colours.some((c) => colours.includes(c)));
    });
  if (!read.length) return [];
  const segmentOf = Prisma.sql`CASE ${Prisma.join(
    read.map(({ s, i }) => Prisma.sql`WHEN ${s.where} THEN ${i}::int`),
    " ",
  )} END`;
  const keyed = read.filter(({ s }) => s.key);
  const keyOf = keyed.length
    ? Prisma.sql`CASE ${Prisma.join(
        keyed.map(({ s, i }) => Prisma.sql`WHEN li."segment" = ${i}::int THEN ${s.key}`),
        " ",
      )} END`
    : Prisma.sql`NULL::text`;
  const ascending = keyed.filter(({ s }) => !s.desc).map(({ i }) => i);
  const descending = keyed.filter(({ s }) => s.desc).map(({ i }) => i);
  const inSegments = (ids: number[]) => Prisma.sql`li."segment" = ANY(${ids}::int[])`;
  const first = cursor ? read.find(({ i }) => i === cursor.segment) : undefined;
  const after = first
    ? Prisma.sql`AND (li."segment" > ${first.i}::int OR (li."segment" = ${first.i}::int
        AND ${afterSql({ ...first.s, key: first.s.key && Prisma.sql`li."key"` }, cursor!.key, cursor!.id)}))`
    : Prisma.empty;
  const rows = await db.$queryRaw<{ id: string; key: string | null; segment: number }[]>`
    WITH s AS MATERIALIZED (
      -- the columns the segments' keys read (due date, last entry)
      SELECT li."id", li."dueDate", li."lastEntryAt", ${segmentOf} AS "segment"
      FROM ${LIST_FROM} WHERE ${where}
    ), li AS (
      SELECT li."id", li."segment", ${keyOf} AS "key" FROM s li WHERE li."segment" IS NOT NULL
    )
    SELECT li."id"::text AS "id", li."key"::text AS "key", li."segment" FROM li
    WHERE TRUE ${after}
    ORDER BY li."segment",
      CASE WHEN ${inSegments(ascending)} THEN li."key" END ASC,
      CASE WHEN ${inSegments(descending)} THEN li."key" END DESC,
      li."id"
    LIMIT ${take}`;
  return rows;
}

/**
 * The first `limit` rows of `where` in the segment's order, read through the filters' own indexes
 * and sorted (MATERIALIZED keeps the planner from walking the order's index instead, which reads
 * far more than the page when the matching rows sort late, e.g. a group whose items all have a
 * low percent done).
 */
function sortedRows(db: DbTx, s: Segment, where: Prisma.Sql, limit: number): Promise<Key[]> {
  return db.$queryRaw<Key[]>`
    WITH li AS MATERIALIZED (
      SELECT li."id", ${s.key ?? Prisma.sql`NULL::text`} AS "key"
      FROM ${LIST_FROM} ${s.join ?? Prisma.empty} WHERE ${where})
    SELECT li."id"::text AS "id", li."key"::text AS "key" FROM li
    ${orderBySql({ ...s, key: s.key && Prisma.sql`li."key"` })}
    LIMIT ${limit}`;
}

/**
 * The first `limit` rows of a large population in the segment's order: at most `walk` rows of
 * the segment are walked in order (its index), the filters checked per row, which fills the page at
 * once when matching rows are common. When the walk ends short of the page without reaching the
 * segment's end (the matching rows sort late in this order, or there are none: e.g. overdue
 * items by last entry, 5.7 s on national data when walked to the end), the rest are the matching
 * rows after the last one walked, read through the filters' indexes and sorted.
 */
async function walkedRows(
  db: DbTx,
  s: Segment,
  where: Prisma.Sql,
  segmentWhere: Prisma.Sql,
  limit: number,
  walk: number,
): Promise<Key[]> {
  const from = Prisma.sql`${LIST_FROM} ${s.join ?? Prisma.empty} WHERE ${segmentWhere}`;
  // One pass: the walked rows that match, in order, and the walk's last row (n = walk) when the
  // walk did not end the segment, from which the rest is read. The walk is numbered in its order
  // and read as a stream, so it stops as soon as the page is full.
  const walked = await db.$queryRaw<(Key & { ok: boolean; n: number })[]>`
    WITH li AS NOT MATERIALIZED (
      SELECT w.*, row_number() OVER () AS "n" FROM (
        SELECT li."id", ${s.key ?? Prisma.sql`NULL::text`} AS "key", (${where}) AS "ok"
        FROM ${from} ${orderBySql(s)} LIMIT ${walk}) w)
    SELECT li."id"::text AS "id", li."key"::text AS "key", li."ok", li."n"::int AS "n" FROM li
    WHERE li."ok" OR li."n" = ${walk}
    LIMIT ${limit + 1}`;
  walked.sort((a, b) => a.n - b.n);
  const rows = walked.filter((r) => r.ok).map(({ id, key }) => ({ id, key }));
  if (rows.length >= limit) return rows.slice(0, limit);
  const last = walked.find((r) => r.n === walk);
  if (!last) return rows;
  const rest = Prisma.sql`${where} AND ${segmentWhere} AND ${afterSql(s, last.key, last.id)}`;
  return [...rows, ...(await sortedRows(db, s, rest, limit - rows.length))];
}

/**
 * Filters that a segment's walk applies as it reads (they are also in `where`), so that it walks
 * an index of just those rows in order: open items (overdue, or a colour of an open item) by due
 * date or last entry (partial indexes of open items: a tenth of national items late in a
 * programme, so a walk of all items skipped nine rows in ten), and one status by percent
 * (`LedgerItem_status_percentDone_id_idx`: the lowest percents are the not-started items, so
 * in-progress items by percent walked past all of them). Only where such an index holds the
 * segment's order: elsewhere the walk's bound would count matching rows, not rows read, and a
 * rare filter would walk the whole order (not-started items by last entry: 2.3 s). National
 * data, in-process: red items by last entry 1,166-1,328 -> 24 ms, overdue by last entry
 * 478-641 -> 12, in progress by percent 551-607 -> 17.
 */
function seekSql(filter: LedgerListFilter, s: Segment, supervisor: string | null): Prisma.Sql {
  // The key's SQL text as lib/ledger/list-order.ts writes it: a key written otherwise only loses
  // the seek (a slower page), never a row.
  const key = s.key?.sql;
  const and: Prisma.Sql[] = [];
  // One province (`LedgerItem_supervisorId_<key>_id_idx`, ascending; a descending page reads
  // the same index backwards and sorts each key's ties): a walk of the country's order met its
  // items one in thirty, and the rest of a page was read and sorted (50-190 ms a page).
  if (supervisor) and.push(Prisma.sql`li."supervisorId" = ${supervisor}::uuid`);
  const current = !filter.asOf && filter.completed === undefined;
  const openColour = filter.colour && filter.colour !== "done" && filter.colour !== "na";
  const openIndexed = key === `li."dueDate"` || key === `li."lastEntryAt"`;
  if (openIndexed && (filter.overdue || (current && openColour))) and.push(OPEN);
  if (key === `li."percentDone"` && filter.status)
    and.push(Prisma.sql`li."status" = ${filter.status}::"LedgerStatus"`);
  // Not-started items by last entry (`LedgerItem_not_started_lastEntryAt_id_idx`, its predicate
  // written as the index writes it): they seldom have an entry, so the walk of the items with
  // one met none of them and the rest read all 67,000 not-started items of the country to find
  // none (national data: 70 ms warm, 0.7-1.3 s under the benchmark's load). Not for one
  // province: PostgreSQL walks the province's own index then, reading all of it to find none.
  if (key === `li."lastEntryAt"` && filter.status === "NOT_STARTED" && !supervisor)
    and.push(Prisma.sql`li."status" = 'NOT_STARTED'`);
  // One category by due date (`LedgerItem_categoryId_dueDate_id_idx`, and for its main items
  // `LedgerItem_main_categoryId_dueDate_id_idx`): a category's items fall due together, so a
  // walk of all items by due date met few of them before reaching its bound, and the rest were
  // read and sorted (the whole country's category by due date: 290-380 ms).
  if (key === `li."dueDate"` && !s.desc && filter.categoryId) {
    and.push(Prisma.sql`li."categoryId" = ${filter.categoryId}::uuid`);
    if (filter.mainOnly) and.push(Prisma.sql`li."isMain"`);
  }
  return and.length ? Prisma.join(and, " AND ") : Prisma.sql`TRUE`;
}

/**
 * Up to this many matching rows, a page reads them all and sorts (see `pageKeys`); beyond it, it
 * walks the order. A part of the country (a province, a group, or the whole scope filtered to
 * one) holds its rows scattered through the country's order indexes, so a walk finds few of them:
 * reading them and sorting is cheaper, up to NARROW_SMALL. The whole country's rows fill those
 * indexes, so a walk fills a page unless the filters are rare, and counting 10,000 rare rows
 * cost up to 100 ms: there, only the capped total is counted. National data, in-process, sum of
 * each request's best of three, whole-country requests at 10,000 -> 1,000: the benchmark's
 * 23 whole-country list requests 1,905 -> 1,333 ms, 30 whole-country searches 13.6 -> 5.3 s.
 */
const NARROW_SMALL = 10_000;
const COUNTRY_SMALL = LIST_COUNT_CAP;
/**
 * How many rows of a segment a page of a large population walks in order, per row of the page
 * (see `walkedRows`): a filter matching one row in a hundred fills a page by walking; a rarer one
 * reads its rows through its own indexes. National data, in-process, per row 10 / 40 / 100 / 200
 * (this machine's noise is +-30%): overdue items by last entry 570-890 / 850 / 830 / 650-930 ms
 * (5.7 s walked to the end); the whole scope searched for "产业" 770-1,040 / 1,110 / 550 /
 * 440-450 ms (410-510 before) and "国有" 950-1,150 / 310 / 340 / 320-410 (370-400 before); the
 * benchmark's 60 list requests 5.5 / 5.2 / 4.6 / 4.5-5.0 s in all.
 */
const WALK_PER_ROW = 100;

/**
 * How many rows match, counted up to `small` + 1 (a cheap bound that also picks the page's plan):
 * an exact total up to LIST_COUNT_CAP, else "more than the cap" (`totalCapped`), so a page never
 * counts the whole country.
 */
async function cappedCount(db: DbTx, where: Prisma.Sql, small: number) {
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS "n" FROM (SELECT 1 FROM ${LIST_FROM} WHERE ${where}
    LIMIT ${Math.max(small, LIST_COUNT_CAP) + 1}) x`;
  const n = row?.n ?? 0;
  return {
    total: Math.min(n, LIST_COUNT_CAP),
    totalCapped: n > LIST_COUNT_CAP,
    small: n <= small,
  };
}

/** The work ledger: scoped, filtered, sorted, paged; with `asOf`, a figure's population then. */
export async function listLedgerItems(
  actor: Actor,
  filter: LedgerListFilter,
  /** The small bound and the walk's length, for tests that take both ways on small data. */
  tuning: { small?: number; walk?: number } = {},
): Promise<LedgerPage> {
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
  const scoped = scopeSupervisors(actor);
  const supervisor =
    scoped?.length === 1
      ? scoped[0]!
      : filter.supervisorId && !filter.asOf && filter.completed === undefined
        ? filter.supervisorId
        : null;
  // A province walks its own indexes (seekSql), as the whole country walks the country's.
  const narrow =
    (!actor.scopeAll || filter.supervisorId || filter.enterpriseId) &&
    !(supervisor && !filter.enterpriseId);
  const small = tuning.small ?? (narrow ? NARROW_SMALL : COUNTRY_SMALL);
  const { small: isSmall, ...count } = await cappedCount(db, where, small);
  const walk = tuning.walk ?? WALK_PER_ROW * (filter.limit + 1);
  const keys = await pageKeys(db, filter, where, cursor, today, isSmall, walk, supervisor);
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
