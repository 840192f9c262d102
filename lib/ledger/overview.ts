import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { enterpriseScopeSql, ledgerItemScopeWhere, subtreeSql } from "@/lib/auth/scope";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { chinaDay, isoDay } from "@/lib/time";
import { lastClosedRounds, rowSelect, toRow } from "./rows";
import { LEDGER_STATUSES, type LedgerItemRow, type LedgerStatus } from "./schemas";

/** Overviews of a ledger (home screens, the enterprise page), always within the actor's scope. */

export type StatusSummary = {
  total: number;
  byStatus: Record<LedgerStatus, number>;
  /** Due before today (China time), applicable and not completed. */
  overdue: number;
};

/**
 * The counts of a status summary as SQL select columns over `"LedgerItem" li`, so one grouped
 * statement can carry them (see lib/dashboard/groups.ts).
 */
export function statusCountsSql(today: Date): Prisma.Sql {
  const byStatus = LEDGER_STATUSES.map(
    (s) =>
      Prisma.sql`count(li."id") FILTER (WHERE li."status"::text = ${s})::int AS ${Prisma.raw(`"${s}"`)}`,
  );
  return Prisma.sql`count(li."id")::int AS "total",
    ${Prisma.join(byStatus)},
    count(li."id") FILTER (WHERE NOT li."notApplicable" AND li."status" <> 'COMPLETED'
      AND li."dueDate" < ${isoDay(today)}::date)::int AS "overdue"`;
}

export type StatusCountsRow = Record<LedgerStatus | "total" | "overdue", number>;

export function toStatusSummary(row: StatusCountsRow | undefined): StatusSummary {
  const byStatus = Object.fromEntries(LEDGER_STATUSES.map((s) => [s, row?.[s] ?? 0])) as Record<
    LedgerStatus,
    number
  >;
  return { total: row?.total ?? 0, byStatus, overdue: row?.overdue ?? 0 };
}

/** Counts of ledger items per status in the actor's scope (optionally one subtree), in one statement. */
export async function ledgerStatusSummary(
  actor: Actor,
  { enterpriseId, now = new Date() }: { enterpriseId?: string; now?: Date } = {},
): Promise<StatusSummary> {
  const column = Prisma.raw(`li."enterpriseId"`);
  const [row] = await getDb().$queryRaw<StatusCountsRow[]>`
    SELECT ${statusCountsSql(chinaDay(now))}
    FROM "LedgerItem" li
    WHERE ${enterpriseScopeSql(actor, column)}
      ${enterpriseId ? Prisma.sql`AND ${subtreeSql(enterpriseId, column)}` : Prisma.empty}`;
  return toStatusSummary(row);
}

/**
 * Ledger items in the actor's scope (optionally one enterprise's subtree), most urgent first: the
 * open ones soonest due first (what needs doing), then the most recently due completed ones.
 */
export async function listLedgerItemsByUrgency(
  actor: Actor,
  { limit = 50, enterpriseId }: { limit?: number; enterpriseId?: string } = {},
): Promise<LedgerItemRow[]> {
  const db = getDb();
  const today = chinaDay();
  const take = Math.min(Math.max(limit, 1), 200);
  const filters: Prisma.LedgerItemWhereInput[] = [ledgerItemScopeWhere(actor)];
  if (enterpriseId)
    filters.push({ enterprise: { ancestors: { some: { ancestorId: enterpriseId } } } });
  const open = await db.ledgerItem.findMany({
    where: { AND: [...filters, { status: { not: "COMPLETED" } }] },
    select: rowSelect,
    orderBy: [{ dueDate: "asc" }, { task: { code: "asc" } }, { id: "asc" }],
    take,
  });
  const done =
    open.length < take
      ? await db.ledgerItem.findMany({
          where: { AND: [...filters, { status: "COMPLETED" }] },
          select: rowSelect,
          orderBy: [{ dueDate: "desc" }, { task: { code: "asc" } }, { id: "asc" }],
          take: take - open.length,
        })
      : [];
  const rows = [...open, ...done];
  const rounds = await lastClosedRounds(
    db,
    rows.map((r) => r.programmeId),
  );
  return rows.map((r) => toRow(r, today, rounds));
}
