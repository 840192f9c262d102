import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/policy";
import type { DbTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { assertAfterClosedRounds } from "./closed-rounds";
import { assertNotBefore, rollItemSpans, ts } from "./spans";

/**
 * Moves a catalogue task to another category and/or changes its main flag from `at` on: the
 * task, the copies on all its ledger items (the "now" columns the ledger list reads), a new
 * attribute span per item (one statement each way) and the audit record, in `tx`.
 */
export async function reclassifyTask(
  tx: DbTx,
  input: {
    taskId: string;
    categoryId?: string;
    isMain?: boolean;
    at: Date;
    actor: Actor | null;
    requestId?: string;
    /** Language of the refusal message when the change is dated within a closed round. */
    locale?: Locale;
  },
) {
  const task = await tx.task.findUnique({
    where: { id: input.taskId },
    select: { id: true, programmeId: true, categoryId: true, isMain: true, version: true },
  });
  if (!task) throw new AppError("not_found");
  const categoryId = input.categoryId ?? task.categoryId;
  const isMain = input.isMain ?? task.isMain;
  if (categoryId === task.categoryId && isMain === task.isMain) return { items: 0 };
  const category = await tx.category.findFirst({
    where: { id: categoryId, programmeId: task.programmeId },
    select: { id: true },
  });
  if (!category)
    throw new AppError("validation_failed", undefined, { categoryId: "categoryNotInProgramme" });

  const itemIds = (
    await tx.ledgerItem.findMany({ where: { taskId: task.id }, select: { id: true } })
  ).map((i) => i.id);
  await assertAfterClosedRounds(tx, { programmeIds: [task.programmeId] }, input.at, input.locale);
  await assertNotBefore(tx, "LedgerItemSpan", "ledgerItemId", itemIds, input.at);
  await tx.task.update({
    where: { id: task.id },
    data: { categoryId, isMain, version: { increment: 1 } },
  });
  await tx.$executeRaw`
    UPDATE "LedgerItem" SET "categoryId" = ${categoryId}::uuid, "isMain" = ${isMain},
           "version" = "version" + 1, "updatedAt" = ${ts(input.at)}
    WHERE "taskId" = ${task.id}::uuid`;
  await rollItemSpans(tx, itemIds, input.at);
  await recordAudit(tx, {
    actor: input.actor,
    action: "task.reclassify",
    entityType: "Task",
    entityId: task.id,
    before: { categoryId: task.categoryId, isMain: task.isMain, version: task.version },
    after: { categoryId, isMain, version: task.version + 1, items: itemIds.length, at: input.at },
    requestId: input.requestId,
  });
  return { items: itemIds.length };
}
