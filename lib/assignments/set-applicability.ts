import "server-only";
import { can, managesSupervisor, type Actor } from "@/lib/auth/policy";
import { ledgerItemScopeWhere } from "@/lib/auth/scope";
import { getDb, type DbTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { setItemNotApplicable } from "@/lib/history/set-item-not-applicable";
import type { Locale } from "@/lib/i18n/config";
import { parseInput } from "@/lib/i18n/zod";
import { ApplicabilityInput, type ApplicabilityResult } from "./schemas";

/**
 * The owner of the enterprise's supervisor marks a ledger item not applicable (with the reason
 * the record keeps) or applicable again. Through the history writer, so figures before now keep
 * counting the item as they did and figures from now exclude it. Outside the read scope = 404;
 * seen but not owned = 403; a stale version = 409 with the current state.
 */
export async function setApplicability(
  actor: Actor,
  options: { itemId: string; input: unknown; locale: Locale; requestId?: string; now?: Date },
): Promise<ApplicabilityResult> {
  const input = parseInput(ApplicabilityInput, options.input, options.locale);
  const now = options.now ?? new Date();
  return getDb().$transaction(async (tx) => {
    const item = await lockItem(tx, actor, options.itemId);
    if (!item) throw new AppError("not_found");
    if (
      !can(actor, "catalogue.manage") ||
      !managesSupervisor(actor, "catalogue.manage", item.enterprise.supervisorId)
    )
      throw new AppError("forbidden");
    if (item.version !== input.version)
      throw new AppError("conflict", undefined, undefined, { current: toResult(item) });
    if (input.notApplicable && item.status === "COMPLETED")
      throw new AppError("validation_failed", undefined, { notApplicable: "itemCompleted" });
    if (input.notApplicable && item.status === "COMPLETION_CLAIMED")
      throw new AppError("validation_failed", undefined, { notApplicable: "itemAwaitingReview" });

    await setItemNotApplicable(tx, {
      itemId: item.id,
      reason: input.notApplicable ? input.reason! : null,
      at: now,
      actor,
      requestId: options.requestId,
    });
    const after = await tx.ledgerItem.findUniqueOrThrow({
      where: { id: item.id },
      select: { id: true, notApplicable: true, notApplicableReason: true, version: true },
    });
    return toResult(after);
  });
}

/** The item through the scope filter, its row locked until the transaction ends. */
async function lockItem(tx: DbTx, actor: Actor, itemId: string) {
  const item = await tx.ledgerItem.findFirst({
    where: { AND: [{ id: itemId }, ledgerItemScopeWhere(actor)] },
    select: { id: true },
  });
  if (!item) return null;
  // The version read below is the one the change builds on: nobody moves it meanwhile.
  await tx.$queryRaw`SELECT 1 FROM "LedgerItem" WHERE "id" = ${item.id}::uuid FOR UPDATE`;
  return tx.ledgerItem.findUniqueOrThrow({
    where: { id: item.id },
    select: {
      id: true,
      version: true,
      status: true,
      notApplicable: true,
      notApplicableReason: true,
      enterprise: { select: { supervisorId: true } },
    },
  });
}

function toResult(item: {
  id: string;
  notApplicable: boolean;
  notApplicableReason: string | null;
  version: number;
}): ApplicabilityResult {
  return {
    id: item.id,
    notApplicable: item.notApplicable,
    notApplicableReason: item.notApplicableReason,
    version: item.version,
  };
}

/** Whether the actor may switch the item's applicability (for the item page's action). */
export async function canSetApplicability(actor: Actor, itemId: string): Promise<boolean> {
  if (!can(actor, "catalogue.manage")) return false;
  const item = await getDb().ledgerItem.findFirst({
    where: { AND: [{ id: itemId }, ledgerItemScopeWhere(actor)] },
    select: { enterprise: { select: { supervisorId: true } } },
  });
  return Boolean(
    item && managesSupervisor(actor, "catalogue.manage", item.enterprise.supervisorId),
  );
}
