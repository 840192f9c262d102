import "server-only";
import { withRollup } from "@/lib/dashboard/rollup/maintain";
import type { DbTx } from "@/lib/db/client";
import { bulkInsert } from "@/lib/db/seed/bulk";
import type { CellValue } from "@/lib/excel/cell-value";
import { writeInitialItemSpans } from "@/lib/history/record-items-created";
import { setItemNotApplicable } from "@/lib/history/set-item-not-applicable";
import { bulkUpdate, type SqlType } from "./bulk-sql";
import type { ApplyContext } from "./plan";

export type LedgerPlan = {
  creates: {
    id: string;
    programmeId: string;
    taskId: string;
    categoryId: string;
    isMain: boolean;
    enterpriseId: string;
    notApplicable: boolean;
    notApplicableReason: string | null;
    responsibleDept: string | null;
    responsiblePerson: string | null;
    responsiblePhone: string | null;
    dueDate: string;
  }[];
  updates: {
    id: string;
    values: Record<string, CellValue>;
    before: Record<string, CellValue>;
    after: Record<string, CellValue>;
  }[];
  notApplicable: { id: string; reason: string | null }[];
  fields: string[];
};

const TYPES: Record<string, SqlType> = {
  responsibleDept: "text",
  responsiblePerson: "text",
  responsiblePhone: "text",
  dueDate: "date",
};

const INSERT_COLUMNS = {
  id: "uuid",
  programmeId: "uuid",
  taskId: "uuid",
  categoryId: "uuid",
  isMain: "bool",
  enterpriseId: "uuid",
  notApplicable: "bool",
  notApplicableReason: "text",
  responsibleDept: "text",
  responsiblePerson: "text",
  responsiblePhone: "text",
  dueDate: "date",
  createdAt: "timestamp(3)",
  updatedAt: "timestamp(3)",
} as const;

/**
 * Writes a checked ledger plan in the caller's transaction: field changes in one statement,
 * not-applicable marks through setItemNotApplicable (which closes and opens the item's history
 * span), new items in one insert with their first spans (writeInitialItemSpans) and audit
 * records batched.
 */
export async function applyLedger(tx: DbTx, ctx: ApplyContext, plan: LedgerPlan) {
  const { at, audit } = ctx;
  // A due date is read by the colour rule on every day of the item: its roll-up stream is
  // replaced from the item's creation.
  const redated = plan.updates.filter((u) => "dueDate" in u.after).map((u) => u.id);
  await withRollup(tx, redated, "created", () =>
    bulkUpdate(
      tx,
      "LedgerItem",
      Object.fromEntries(plan.fields.map((f) => [f, TYPES[f]!])),
      plan.updates,
      { versioned: true, at },
    ),
  );
  for (const u of plan.updates)
    audit.add({
      action: "ledgerItem.update",
      entityType: "LedgerItem",
      entityId: u.id,
      before: u.before,
      after: u.after,
    });
  await ctx.progress(plan.updates.length);

  for (const change of plan.notApplicable)
    await setItemNotApplicable(tx, {
      itemId: change.id,
      reason: change.reason,
      at,
      actor: ctx.actor,
      requestId: ctx.requestId,
    });
  await ctx.progress(plan.updates.length + plan.notApplicable.length);

  if (plan.creates.length) {
    const rows = plan.creates.map((c) => ({ ...c, createdAt: at, updatedAt: at }));
    await bulkInsert(tx, "LedgerItem", INSERT_COLUMNS, rows);
    await writeInitialItemSpans(
      tx,
      rows.map((r) => r.id),
    );
    for (const c of plan.creates)
      audit.add({
        action: "ledgerItem.create",
        entityType: "LedgerItem",
        entityId: c.id,
        after: c,
      });
  }
  await ctx.progress(plan.updates.length + plan.notApplicable.length + plan.creates.length);
}
