import "server-only";
import { withRollup } from "@/lib/dashboard/rollup/maintain";
import { recordAudits } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/policy";
import type { DbTx } from "@/lib/db/client";

/**
 * Opens the first attribute span of new ledger items, valid from each item's `createdAt`. Every
 * writer that creates ledger items calls it in the same transaction (the seed, and the bulk
 * assignment of the catalogue work). One statement whatever the number of items. The items join
 * the dashboard roll-up with them (an item without a span is in no figure).
 */
export async function writeInitialItemSpans(tx: DbTx, itemIds: readonly string[]) {
  if (!itemIds.length) return;
  await withRollup(
    tx,
    itemIds,
    "created",
    () => tx.$executeRaw`
    INSERT INTO "LedgerItemSpan" ("ledgerItemId", "isMain", "categoryId", "notApplicable", "notApplicableReason", "validFrom")
    SELECT li."id", li."isMain", li."categoryId", li."notApplicable", li."notApplicableReason", li."createdAt"
    FROM "LedgerItem" li
    WHERE li."id" = ANY(${[...itemIds]}::uuid[])
      AND NOT EXISTS (SELECT 1 FROM "LedgerItemSpan" s WHERE s."ledgerItemId" = li."id")`,
  );
}

/** New ledger items: their initial spans and one audit record each (in the caller's transaction). */
export async function recordItemsCreated(
  tx: DbTx,
  input: { itemIds: readonly string[]; actor: Actor | null; requestId?: string },
) {
  await writeInitialItemSpans(tx, input.itemIds);
  const items = await tx.ledgerItem.findMany({
    where: { id: { in: [...input.itemIds] } },
    select: {
      id: true,
      taskId: true,
      enterpriseId: true,
      isMain: true,
      categoryId: true,
      notApplicable: true,
      dueDate: true,
      createdAt: true,
    },
  });
  // One statement for all the records: bulk assignment creates thousands of items at once.
  await recordAudits(
    tx,
    items.map((item) => ({
      actor: input.actor,
      action: "ledgerItem.create",
      entityType: "LedgerItem",
      entityId: item.id,
      after: item,
      requestId: input.requestId,
    })),
  );
}

export async function recordItemCreated(
  tx: DbTx,
  input: { itemId: string; actor: Actor | null; requestId?: string },
) {
  await recordItemsCreated(tx, {
    itemIds: [input.itemId],
    actor: input.actor,
    requestId: input.requestId,
  });
}
