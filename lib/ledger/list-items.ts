import "server-only";
import { checkCursor } from "@/lib/api/cursor";
import type { Actor } from "@/lib/auth/policy";
import { ledgerItemScopeWhere } from "@/lib/auth/scope";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { chinaDay } from "@/lib/time";
import { selectionWhere } from "./list-filter";
import { orderedPageIds } from "./list-order";
import { lastClosedRounds, rowSelect, toRow } from "./rows";
import type { LedgerListFilter, LedgerPage } from "./schemas";

function listWhere(
  actor: Actor,
  filter: LedgerListFilter,
  today: Date,
  selection: Prisma.LedgerItemWhereInput[],
): Prisma.LedgerItemWhereInput {
  const and: Prisma.LedgerItemWhereInput[] = [ledgerItemScopeWhere(actor)];
  if (filter.programmeId) and.push({ programmeId: filter.programmeId });
  if (filter.status) and.push({ status: filter.status });
  if (filter.overdue)
    and.push({ dueDate: { lt: today }, status: { not: "COMPLETED" }, notApplicable: false });
  and.push(...selection);
  if (filter.q) {
    const q = filter.q;
    and.push({
      OR: [
        { task: { code: { contains: q, mode: "insensitive" } } },
        { task: { titleZh: { contains: q, mode: "insensitive" } } },
        { task: { titleEn: { contains: q, mode: "insensitive" } } },
        { enterprise: { nameZh: { contains: q, mode: "insensitive" } } },
        { enterprise: { nameEn: { contains: q, mode: "insensitive" } } },
        { responsiblePerson: { contains: q, mode: "insensitive" } },
      ],
    });
  }
  return { AND: and };
}

function orderBy(filter: LedgerListFilter): Prisma.LedgerItemOrderByWithRelationInput[] {
  const dir = filter.order;
  const primary: Prisma.LedgerItemOrderByWithRelationInput = {
    dueDate: { dueDate: dir },
    lastEntryAt: { lastEntryAt: { sort: dir, nulls: "last" } },
    percentDone: { percentDone: dir },
    task: { task: { code: dir } },
    enterprise: { enterprise: { code: dir } },
    status: { status: dir },
    // Computed in SQL (list-order.ts); dueDate only types the table.
    urgency: { dueDate: dir },
    colour: { dueDate: dir },
  }[filter.sort] as Prisma.LedgerItemOrderByWithRelationInput;
  // The id breaks ties so that cursor pages never skip or repeat a row.
  return [primary, { id: "asc" }];
}

/** The work ledger: scoped, filtered, sorted, paged; with `asOf`, a figure's population then. */
export async function listLedgerItems(actor: Actor, filter: LedgerListFilter): Promise<LedgerPage> {
  const db = getDb();
  const now = new Date();
  const today = chinaDay(now);
  // Prisma (and the keyset in list-order.ts) read the cursor row's sort keys: only a visible row.
  await checkCursor(filter.cursor, (id) =>
    db.ledgerItem.findFirst({
      where: { AND: [{ id }, ledgerItemScopeWhere(actor)] },
      select: { id: true },
    }),
  );
  const where = listWhere(actor, filter, today, await selectionWhere(db, actor, filter, now));
  let rows: Prisma.LedgerItemGetPayload<{ select: typeof rowSelect }>[];
  let total: number;
  if (filter.sort === "urgency" || filter.sort === "colour") {
    // Orders computed by the colour rule are paged in SQL, by keyset over the filtered ids.
    // TODO(national scale): express the filters in SQL instead of handing over the id set.
    const candidates = await db.ledgerItem.findMany({ where, select: { id: true } });
    const ids = await orderedPageIds(db, actor, {
      candidateIds: candidates.map((c) => c.id),
      sort: filter.sort,
      order: filter.order,
      cursor: filter.cursor,
      take: filter.limit + 1,
      today,
    });
    const found = await db.ledgerItem.findMany({
      where: { id: { in: ids } },
      select: rowSelect,
    });
    const byId = new Map(found.map((r) => [r.id, r]));
    rows = ids.flatMap((id) => byId.get(id) ?? []);
    total = candidates.length;
  } else {
    [rows, total] = await Promise.all([
      db.ledgerItem.findMany({
        where,
        select: rowSelect,
        orderBy: orderBy(filter),
        take: filter.limit + 1,
        ...(filter.cursor ? { cursor: { id: filter.cursor }, skip: 1 } : {}),
      }),
      db.ledgerItem.count({ where }),
    ]);
  }
  const page = rows.slice(0, filter.limit);
  const rounds = await lastClosedRounds(
    db,
    page.map((r) => r.programmeId),
  );
  return {
    items: page.map((r) => toRow(r, today, rounds)),
    nextCursor: rows.length > filter.limit ? (page.at(-1)?.id ?? null) : null,
    total,
  };
}
