import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { entrySelect, toEntry } from "@/lib/ledger/queries";
import { rowSelect, toRow } from "@/lib/ledger/rows";
import { chinaDay } from "@/lib/time";
import { stageFor } from "./chain";
import { reviewQueueWhere } from "./queue-where";
import type { ReviewQueueFilter } from "./schemas";

export async function listReviewQueue(actor: Actor, filter: ReviewQueueFilter) {
  const base = reviewQueueWhere(actor);
  if (!base) return { items: [], nextCursor: null, total: 0 };
  const and: Prisma.ProgressEntryWhereInput[] = [base];
  if (filter.kind) and.push({ kind: filter.kind });
  if (filter.late !== undefined) and.push({ late: filter.late });
  if (filter.enterpriseId)
    and.push({
      ledgerItem: { enterprise: { ancestors: { some: { ancestorId: filter.enterpriseId } } } },
    });
  const where = { AND: and };
  const db = getDb();
  const [rows, total] = await Promise.all([
    db.progressEntry.findMany({
      where,
      select: {
        ...entrySelect,
        ledgerItem: {
          select: {
            ...rowSelect,
            programme: {
              select: {
                startDate: true,
                dueSoonDays: true,
                behindPlanPoints: true,
                closeOffLevels: true,
              },
            },
          },
        },
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: filter.limit + 1,
      ...(filter.cursor ? { cursor: { id: filter.cursor }, skip: 1 } : {}),
    }),
    db.progressEntry.count({ where }),
  ]);
  const today = chinaDay(new Date());
  const page = rows.slice(0, filter.limit);
  return {
    items: page.map(({ ledgerItem, ...entry }) => ({
      entry: toEntry(entry),
      item: toRow(ledgerItem, today),
      stage: stageFor({
        kind: entry.kind,
        reviewState: entry.reviewState,
        closeOffLevels: ledgerItem.programme.closeOffLevels,
        enterpriseDepth: ledgerItem.enterprise.depth,
      })!,
    })),
    nextCursor: rows.length > filter.limit ? (page.at(-1)?.id ?? null) : null,
    total,
  };
}
