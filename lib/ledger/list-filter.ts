import "server-only";
import { can, type Actor } from "@/lib/auth/policy";
import { populationWhereSql } from "@/lib/dashboard/nodes";
import { itemsAsOfSql } from "@/lib/dashboard/population";
import { colourWhereSql, itemsWithColourAsOfSql } from "@/lib/dashboard/risk";
import type { DbTx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { chinaDay, endOfChinaDay, parseIsoDay } from "@/lib/time";
import { reviewQueueWhere } from "@/lib/review/queue-where";
import { currentColourIds, liaisonActionIds } from "./list-order";
import type { LedgerListFilter } from "./schemas";

/**
 * The list's node, category, main-flag, completion, colour and needs-my-action filters. With
 * `asOf` (implied by `completed`) they select from the dashboard's as-of population, the item as
 * it stood that day; otherwise they read the items' current columns (colour by the same SQL rule,
 * evaluated now: lib/ledger/list-order.ts).
 */
export async function selectionWhere(
  db: DbTx,
  actor: Actor,
  filter: LedgerListFilter,
  now: Date,
): Promise<Prisma.LedgerItemWhereInput[]> {
  const and: Prisma.LedgerItemWhereInput[] = [];
  if (filter.needsAction) and.push(await needsActionWhere(db, actor, chinaDay(now)));
  if (filter.asOf || filter.completed !== undefined)
    return [...and, { id: { in: await asOfItemIds(db, actor, filter, now) } }];
  if (filter.colour)
    and.push({ id: { in: await currentColourIds(db, actor, filter.colour, chinaDay(now)) } });
  if (filter.categoryId) and.push({ categoryId: filter.categoryId });
  if (filter.mainOnly) and.push({ isMain: true });
  if (filter.enterpriseId)
    and.push({ enterprise: { ancestors: { some: { ancestorId: filter.enterpriseId } } } });
  if (filter.supervisorId) and.push({ enterprise: { supervisorId: filter.supervisorId } });
  return and;
}

/**
 * "Needs my action": what the actor must write (a liaison: `liaisonActionIds`) or decide (anyone
 * with a review queue: items with an entry waiting in it, lib/review/queue-where.ts).
 */
async function needsActionWhere(
  db: DbTx,
  actor: Actor,
  today: Date,
): Promise<Prisma.LedgerItemWhereInput> {
  const or: Prisma.LedgerItemWhereInput[] = [];
  if (can(actor, "ledger.write")) or.push({ id: { in: await liaisonActionIds(db, actor, today) } });
  const queue = reviewQueueWhere(actor);
  if (queue) or.push({ entries: { some: queue } });
  return or.length ? { OR: or } : { id: { in: [] } };
}

/**
 * The ids of the as-of population that a drill-down lists: the same derived table and the same
 * conditions (lib/dashboard/nodes.ts populationWhereSql, lib/dashboard/risk.ts) as the dashboard
 * figure, so the list's total equals the figure. Without a programme: the active one started last.
 * TODO(national scale): page this in SQL instead of handing the id set to the list query.
 */
async function asOfItemIds(
  db: DbTx,
  actor: Actor,
  filter: LedgerListFilter,
  now: Date,
): Promise<string[]> {
  const programmeId =
    filter.programmeId ??
    (
      await db.programme.findFirst({
        where: { status: "ACTIVE" },
        orderBy: { startDate: "desc" },
        select: { id: true },
      })
    )?.id;
  if (!programmeId) return [];
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
    ? itemsWithColourAsOfSql({ programmeId, at, day, full: true })
    : itemsAsOfSql({ programmeId, at });
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT p."itemId"::text AS "id" FROM ${source} p
    WHERE ${where} ${filter.colour ? Prisma.sql`AND ${colourWhereSql("p", filter.colour)}` : Prisma.empty}`;
  return rows.map((r) => r.id);
}
