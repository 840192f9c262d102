import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { can, type Actor } from "@/lib/auth/policy";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { programmeReadWhere, programmeToManage } from "./access";
import { catalogueFieldError } from "./parse";
import { taskInclude, toTaskDto } from "./to-dto";

/**
 * Deletes a task that was never assigned; one with ledger items is part of the record and
 * stays (a 422 saying so). Its indicator definitions go with it.
 */
export async function deleteTask(
  actor: Actor,
  options: { id: string; locale: Locale; requestId?: string },
): Promise<{ deleted: true }> {
  if (!can(actor, "catalogue.manage")) throw new AppError("forbidden");
  return getDb().$transaction(async (tx) => {
    const task = await tx.task.findFirst({
      where: { id: options.id, programme: programmeReadWhere(actor) },
      include: taskInclude,
    });
    if (!task) throw new AppError("not_found");
    await programmeToManage(tx, actor, task.programmeId);
    if (task._count.ledgerItems) throw catalogueFieldError(options.locale, "_form", "taskHasItems");
    await tx.task.delete({ where: { id: task.id } });
    await recordAudit(tx, {
      actor,
      action: "task.delete",
      entityType: "Task",
      entityId: task.id,
      before: toTaskDto(task),
      requestId: options.requestId,
    });
    return { deleted: true };
  });
}
