import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { can, type Actor } from "@/lib/auth/policy";
import { getDb, type DbTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { reclassifyTask } from "@/lib/history/reclassify-task";
import type { Locale } from "@/lib/i18n/config";
import { programmeReadWhere, programmeToManage } from "./access";
import { parseCatalogueInput } from "./parse";
import { UpdateTaskInput, type TaskDto } from "./schemas";
import { assertCategoryOf, assertTaskCodeFree, syncIndicators, taskColumns } from "./task-writes";
import { taskInclude, toTaskDto } from "./to-dto";

const load = async (tx: DbTx, id: string) =>
  toTaskDto(await tx.task.findUniqueOrThrow({ where: { id }, include: taskInclude }));

/**
 * Edits a task under the version the editor read (409 with the current task when stale). A new
 * category or main flag goes through `reclassifyTask` (lib/history), which moves the copies on
 * the task's ledger items and writes their history spans from `now`, so figures for earlier
 * days keep counting the task as it was then.
 */
export async function updateTask(
  actor: Actor,
  options: { id: string; input: unknown; locale: Locale; requestId?: string; now?: Date },
): Promise<TaskDto> {
  if (!can(actor, "catalogue.manage")) throw new AppError("forbidden");
  const { locale } = options;
  const { version, indicators, categoryId, isMain, ...fields } = parseCatalogueInput(
    UpdateTaskInput,
    options.input,
    locale,
  );
  const now = options.now ?? new Date();
  return getDb().$transaction(async (tx) => {
    const task = await tx.task.findFirst({
      where: { id: options.id, programme: programmeReadWhere(actor) },
      select: { id: true, programmeId: true, code: true, version: true },
    });
    if (!task) throw new AppError("not_found");
    await programmeToManage(tx, actor, task.programmeId);
    const before = await load(tx, task.id);
    if (task.version !== version)
      throw new AppError("conflict", undefined, undefined, { current: before });
    if (categoryId) await assertCategoryOf(tx, task.programmeId, categoryId, locale);
    if (fields.code && fields.code !== task.code)
      await assertTaskCodeFree(tx, task.programmeId, fields.code, locale, task.id);

    const updated = await tx.task.updateMany({
      where: { id: task.id, version },
      data: { ...taskColumns(fields), version: { increment: 1 } },
    });
    if (updated.count === 0)
      throw new AppError("conflict", undefined, undefined, { current: before });
    await reclassifyTask(tx, {
      taskId: task.id,
      categoryId,
      isMain,
      at: now,
      actor,
      requestId: options.requestId,
    });
    if (indicators) await syncIndicators(tx, task.id, indicators, locale);
    const after = await load(tx, task.id);
    await recordAudit(tx, {
      actor,
      action: "task.update",
      entityType: "Task",
      entityId: task.id,
      before,
      after,
      requestId: options.requestId,
    });
    return after;
  });
}
