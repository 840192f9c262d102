import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/policy";
import type { DbTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { assertAfterClosedRounds } from "./closed-rounds";
import { assertNotBefore, rollItemSpans } from "./spans";

/**
 * Marks a ledger item not applicable (with the reason) or applicable again (`reason: null`) from
 * `at` on: the item's current columns, a new attribute span (the old one closes at `at`, so
 * figures before `at` still count the item as they did) and the audit record, in `tx`.
 */
export async function setItemNotApplicable(
  tx: DbTx,
  input: {
    itemId: string;
    reason: string | null;
    at: Date;
    actor: Actor | null;
    requestId?: string;
    /** Language of the refusal message when the change is dated within a closed round. */
    locale?: Locale;
  },
) {
  const item = await tx.ledgerItem.findUnique({
    where: { id: input.itemId },
    select: {
      id: true,
      programmeId: true,
      notApplicable: true,
      notApplicableReason: true,
      version: true,
    },
  });
  if (!item) throw new AppError("not_found");
  const notApplicable = input.reason !== null;
  if (item.notApplicable === notApplicable && item.notApplicableReason === input.reason) return;
  await assertAfterClosedRounds(tx, { programmeIds: [item.programmeId] }, input.at, input.locale);
  await assertNotBefore(tx, "LedgerItemSpan", "ledgerItemId", [item.id], input.at);
  await tx.ledgerItem.update({
    where: { id: item.id },
    data: { notApplicable, notApplicableReason: input.reason, version: { increment: 1 } },
  });
  await rollItemSpans(tx, [item.id], input.at);
  await recordAudit(tx, {
    actor: input.actor,
    action: notApplicable ? "ledgerItem.notApplicable" : "ledgerItem.applicable",
    entityType: "LedgerItem",
    entityId: item.id,
    before: item,
    after: {
      notApplicable,
      notApplicableReason: input.reason,
      version: item.version + 1,
      at: input.at,
    },
    requestId: input.requestId,
  });
}
