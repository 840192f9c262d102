import "server-only";
import { checkCursor } from "@/lib/api/cursor";
import { ledgerItemScopeWhere } from "@/lib/auth/scope";
import type { Actor } from "@/lib/auth/policy";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { entrySelect, toEntry } from "@/lib/ledger/queries";
import { rowSelect, toRow } from "@/lib/ledger/rows";
import { chinaDay } from "@/lib/time";
import {
  checkClaimTargets,
  checkIndicatorValue,
  percentChange,
} from "@/lib/ledger/indicator-check";
import {
  indicatorContexts,
  previousEntries,
  type IndicatorRef,
  type Previous,
} from "@/lib/ledger/indicator-context";
import { stageFor } from "./chain";
import { reviewQueueWhere } from "./queue-where";
import type { ReviewQueueFilter } from "./schemas";

/** How many entries wait for this actor: the queue's own total (the reviewer's home shows it). */
export async function reviewQueueTotal(actor: Actor) {
  const where = queueWhere(actor, { late: undefined });
  return where ? getDb().progressEntry.count({ where }) : 0;
}

function queueWhere(
  actor: Actor,
  filter: Pick<ReviewQueueFilter, "kind" | "late" | "enterpriseId">,
): Prisma.ProgressEntryWhereInput | null {
  const base = reviewQueueWhere(actor);
  if (!base) return null;
  const and: Prisma.ProgressEntryWhereInput[] = [base];
  if (filter.kind) and.push({ kind: filter.kind });
  if (filter.late !== undefined) and.push({ late: filter.late });
  if (filter.enterpriseId)
    and.push({
      ledgerItem: { enterprise: { ancestors: { some: { ancestorId: filter.enterpriseId } } } },
    });
  return { AND: and };
}

export async function listReviewQueue(actor: Actor, filter: ReviewQueueFilter) {
  const where = queueWhere(actor, filter);
  const db = getDb();
  // Prisma reads the cursor entry's sort keys: only an entry on an item in the caller's scope.
  await checkCursor(filter.cursor, async (id) =>
    where
      ? db.progressEntry.findFirst({
          where: { id, ledgerItem: ledgerItemScopeWhere(actor) },
          select: { id: true },
        })
      : null,
  );
  if (!where) return { items: [], nextCursor: null, total: 0 };
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
  // Batched by the page's ids: two statements for the indicators, one for the previous entries.
  const contexts = await indicatorContexts(
    db,
    page.map((e) => ({
      key: e.id,
      itemId: e.ledgerItem.id,
      before: e.createdAt,
      excludeEntryId: e.id,
    })),
  );
  const previous = await previousEntries(
    db,
    page.map((e) => e.id),
  );
  return {
    items: page.map(({ ledgerItem, ...entry }) => ({
      ...compare(entry, contexts.get(entry.id), previous.get(entry.id) ?? null),
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

/** The card's comparison: each indicator against its target and the previous value. */
function compare(
  entry: {
    kind: string;
    percentDone: number;
    indicatorValues: { indicatorId: string; value: unknown }[];
  },
  context: { indicators: IndicatorRef[]; previous: Map<string, Previous> } | undefined,
  previousEntry: { id: string; period: string; percentDone: number } | null,
) {
  const given = new Map(entry.indicatorValues.map((v) => [v.indicatorId, Number(v.value)]));
  const claim = entry.kind === "COMPLETION_CLAIM";
  const prev = (id: string) => context?.previous.get(id) ?? null;
  // A claim is judged on its value, else the latest one; an entry only on what it reports.
  const { indicators } = checkClaimTargets(context?.indicators ?? [], (id) =>
    given.has(id) ? given.get(id)! : claim ? (prev(id)?.value ?? null) : null,
  );
  return {
    indicators: indicators.map((ind) => ({
      ...ind,
      value: given.get(ind.id) ?? null,
      previous: prev(ind.id),
      warnings: given.has(ind.id)
        ? checkIndicatorValue(ind, prev(ind.id)?.value ?? null, given.get(ind.id)!).warnings
        : [],
    })),
    previousEntry,
    percentChange: percentChange(entry.percentDone, previousEntry?.percentDone),
  };
}
