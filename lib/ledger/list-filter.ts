import "server-only";
import { can, type Actor } from "@/lib/auth/policy";
import { enterpriseScopeSql, scopeSupervisors, subtreeSql } from "@/lib/auth/scope";
import { populationWhereSql } from "@/lib/dashboard/nodes";
import { itemsAsOfSql } from "@/lib/dashboard/population";
import { colourWhereSql, itemsWithColourAsOfSql } from "@/lib/dashboard/risk";
import type { DbTx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { reviewQueueWhere } from "@/lib/review/queue-where";
import { chinaDay, endOfChinaDay, isoDay, parseIsoDay } from "@/lib/time";
import { currentColourSql } from "./list-order";
import { searchSql } from "./list-search";
import type { LedgerListFilter } from "./schemas";

/**
 * The list's filters as ONE SQL condition over `li` (and `pg`, lib/ledger/list-order.ts
 * LIST_FROM), so that a page, its keyset and its capped count are each one statement and the
 * planner can stop an ordered scan at the page's end. With `asOf` (implied by `completed`) the
 * node, category, main-flag, completion and colour filters select from the dashboard's as-of
 * population, the item as it stood that day; otherwise they read the items' current columns
 * (colour by the same SQL rule, evaluated now).
 */
export async function listWhereSql(
  db: DbTx,
  actor: Actor,
  filter: LedgerListFilter,
  now: Date,
): Promise<Prisma.Sql> {
  const today = chinaDay(now);
  const day = Prisma.sql`${isoDay(today)}::date`;
  const supervisors = scopeSupervisors(actor);
  const and: Prisma.Sql[] = [
    supervisors
      ? // A province's scope checked on each row's enterprise (its primary key), not as a join:
        // the join's estimate (a province's enterprises, a fortieth of them) multiplied the
        // supervisor condition below, which already holds those rows, so PostgreSQL expected
        // fifty times too few rows, never a capped count's end, and read every row of the
        // province to count a thousand (national data, a province's 750 benchmark requests:
        // 52 -> 31 ms mean; a row check is taken as one row in two).
        Prisma.sql`(SELECT e."supervisorId" = ANY(${supervisors}::uuid[]) FROM "Enterprise" e
                    WHERE e."id" = li."enterpriseId")`
      : enterpriseScopeSql(actor, Prisma.raw(`li."enterpriseId"`)),
  ];
  // The same scope again on the item's own supervisor column (the enterprise's, kept by
  // triggers), for the indexes that start with it: added, never instead.
  if (supervisors) and.push(Prisma.sql`li."supervisorId" = ANY(${supervisors}::uuid[])`);
  if (filter.programmeId) and.push(Prisma.sql`li."programmeId" = ${filter.programmeId}::uuid`);
  if (filter.status) and.push(Prisma.sql`li."status" = ${filter.status}::"LedgerStatus"`);
  if (filter.overdue)
    and.push(
      Prisma.sql`li."dueDate" < ${day} AND li."status" <> 'COMPLETED' AND NOT li."notApplicable"`,
    );
  if (filter.q) and.push(await searchSql(db, actor, filter.q));
  if (filter.needsAction) and.push(await needsActionSql(db, actor, today));
  if (filter.asOf || filter.completed !== undefined) {
    and.push(await asOfSql(db, actor, filter, now));
  } else {
    if (filter.colour) {
      const c = Prisma.sql`(${currentColourSql(today)})`;
      and.push(
        filter.colour === "atRisk"
          ? Prisma.sql`${c} IN ('red', 'yellow')`
          : Prisma.sql`${c} = ${filter.colour}`,
      );
    }
    if (filter.categoryId) and.push(Prisma.sql`li."categoryId" = ${filter.categoryId}::uuid`);
    if (filter.mainOnly) and.push(Prisma.sql`li."isMain"`);
    if (filter.enterpriseId)
      and.push(subtreeSql(filter.enterpriseId, Prisma.raw(`li."enterpriseId"`)));
    if (filter.supervisorId) and.push(Prisma.sql`li."supervisorId" = ${filter.supervisorId}::uuid`);
  }
  return Prisma.sql`(${Prisma.join(and, " AND ")})`;
}

/**
 * "Needs my action": what the actor must write or decide (see ARCHITECTURE.md). A liaison's part,
 * per row: open items (not started or in progress, applicable) that are red or yellow, or whose
 * latest entry was returned, or, for main items, that have no entry for the period of an open
 * round of their programme. A review queue's part: items with an entry waiting in it
 * (lib/review/queue-where.ts; the queue is short, so its item ids are read first).
 */
async function needsActionSql(db: DbTx, actor: Actor, today: Date): Promise<Prisma.Sql> {
  const or: Prisma.Sql[] = [];
  if (can(actor, "ledger.write"))
    or.push(Prisma.sql`(li."status" IN ('NOT_STARTED', 'IN_PROGRESS') AND NOT li."notApplicable" AND (
      ${currentColourSql(today)} IN ('red', 'yellow')
      OR (SELECT pe."reviewState" FROM "ProgressEntry" pe WHERE pe."ledgerItemId" = li."id"
          ORDER BY pe."createdAt" DESC, pe."id" DESC LIMIT 1) = 'RETURNED'
      OR (li."isMain" AND EXISTS (
          SELECT 1 FROM "ReportingRound" r
          WHERE r."programmeId" = li."programmeId" AND r."status" = 'OPEN'
            AND NOT EXISTS (SELECT 1 FROM "ProgressEntry" pe
                            WHERE pe."ledgerItemId" = li."id" AND pe."period" = r."period")))))`);
  const queue = reviewQueueWhere(actor);
  if (queue) {
    const waiting = await db.progressEntry.findMany({
      where: queue,
      select: { ledgerItemId: true },
      distinct: ["ledgerItemId"],
    });
    or.push(Prisma.sql`li."id" = ANY(${waiting.map((w) => w.ledgerItemId)}::uuid[])`);
  }
  return or.length ? Prisma.sql`(${Prisma.join(or, " OR ")})` : Prisma.sql`FALSE`;
}

/**
 * The as-of population that a drill-down lists, as a condition: the same derived table and the
 * same conditions (lib/dashboard/nodes.ts populationWhereSql, lib/dashboard/risk.ts) as the
 * dashboard figure, so the list's total equals the figure. Without a programme: the active one
 * started last.
 */
async function asOfSql(
  db: DbTx,
  actor: Actor,
  filter: LedgerListFilter,
  now: Date,
): Promise<Prisma.Sql> {
  const programmeId =
    filter.programmeId ??
    (
      await db.programme.findFirst({
        where: { status: "ACTIVE" },
        orderBy: { startDate: "desc" },
        select: { id: true },
      })
    )?.id;
  if (!programmeId) return Prisma.sql`FALSE`;
  const day = filter.asOf ? parseIsoDay(filter.asOf) : chinaDay(now);
  const at = Prisma.sql`${endOfChinaDay(day).toISOString()}::timestamp`;
  const where = populationWhereSql(
    actor,
    "p",
    {
      supervisorId: filter.supervisorId,
      enterpriseId: filter.enterpriseId,
      categoryId: filter.categoryId,
      mainOnly: filter.mainOnly,
      completed: filter.completed,
    },
    at,
  );
  const source = filter.colour
    ? itemsWithColourAsOfSql({ programmeId, at, day, full: true, live: true })
    : itemsAsOfSql({ programmeId, at, live: true });
  return Prisma.sql`li."id" IN (SELECT p."itemId" FROM ${source} p
    WHERE ${where} ${filter.colour ? Prisma.sql`AND ${colourWhereSql("p", filter.colour)}` : Prisma.empty})`;
}
