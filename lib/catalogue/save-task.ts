import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { can, type Actor } from "@/lib/auth/policy";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { programmeToManage } from "./access";
import { parseCatalogueInput } from "./parse";
import { CreateTaskInput, type TaskDto } from "./schemas";
import { assertCategoryOf, assertTaskCodeFree, syncIndicators, taskColumns } from "./task-writes";
import { taskInclude, toTaskDto } from "./to-dto";

/** Adds a task, with its indicator definitions, to the catalogue of a programme the actor owns. */
export async function createTask(
  actor: Actor,
  options: { input: unknown; locale: Locale; requestId?: string },
): Promise<TaskDto> {
  if (!can(actor, "catalogue.manage")) throw new AppError("forbidden");
  const { locale } = options;
  const { programmeId, indicators, ...fields } = parseCatalogueInput(
    CreateTaskInput,
    options.input,
    locale,
  );
  return getDb().$transaction(async (tx) => {
    const programme = await programmeToManage(tx, actor, programmeId);
    await assertCategoryOf(tx, programme.id, fields.categoryId, locale);
    await assertTaskCodeFree(tx, programme.id, fields.code, locale);
    const columns = taskColumns(fields);
    const created = await tx.task.create({
      data: {
        ...columns,
        code: fields.code,
        titleZh: fields.titleZh,
        titleEn: fields.titleEn,
        programmeId: programme.id,
        categoryId: fields.categoryId,
        isMain: fields.isMain,
        weight: columns.weight!,
      },
      select: { id: true },
    });
    await syncIndicators(tx, created.id, indicators ?? [], locale);
    const dto = toTaskDto(
      await tx.task.findUniqueOrThrow({ where: { id: created.id }, include: taskInclude }),
    );
    await recordAudit(tx, {
      actor,
      action: "task.create",
      entityType: "Task",
      entityId: dto.id,
      after: dto,
      requestId: options.requestId,
    });
    return dto;
  });
}
