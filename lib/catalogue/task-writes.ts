import "server-only";
import type { DbTx } from "@/lib/db/client";
import type { Locale } from "@/lib/i18n/config";
import { parseIsoDay } from "@/lib/time";
import { blankToNull, catalogueFieldError } from "./parse";
import type { IndicatorInput, TaskFields } from "./schemas";

/** The task's own columns from (some of) its validated fields (not category or main flag). */
export function taskColumns(fields: Partial<TaskFields>) {
  return {
    code: fields.code,
    titleZh: fields.titleZh,
    titleEn: fields.titleEn,
    descriptionZh: blankToNull(fields.descriptionZh),
    descriptionEn: blankToNull(fields.descriptionEn),
    doneCriteriaZh: blankToNull(fields.doneCriteriaZh),
    doneCriteriaEn: blankToNull(fields.doneCriteriaEn),
    weight: fields.weight === undefined ? undefined : fields.weight.toFixed(2),
    defaultDueDate:
      fields.defaultDueDate === undefined
        ? undefined
        : fields.defaultDueDate
          ? parseIsoDay(fields.defaultDueDate)
          : null,
    sortOrder: fields.sortOrder,
  };
}

/** A task code is unique within its programme: a 422 on `code` when another task has it. */
export async function assertTaskCodeFree(
  tx: DbTx,
  programmeId: string,
  code: string,
  locale: Locale,
  exceptId?: string,
) {
  const taken = await tx.task.count({
    where: {
      programmeId,
      code: { equals: code, mode: "insensitive" },
      ...(exceptId ? { NOT: { id: exceptId } } : {}),
    },
  });
  if (taken) throw catalogueFieldError(locale, "code", "codeTaken");
}

/** The category must be one of the programme's: a 422 on `categoryId` otherwise. */
export async function assertCategoryOf(
  tx: DbTx,
  programmeId: string,
  categoryId: string,
  locale: Locale,
) {
  const found = await tx.category.count({ where: { id: categoryId, programmeId } });
  if (!found) throw catalogueFieldError(locale, "categoryId", "categoryNotInProgramme");
}

const indicatorColumns = (i: IndicatorInput, sortOrder: number) => ({
  code: i.code,
  nameZh: i.nameZh,
  nameEn: i.nameEn,
  unit: i.unit,
  direction: i.direction,
  baseline: i.baseline ?? null,
  target: i.target ?? null,
  sortOrder,
});

/**
 * Makes the task's indicator definitions the list given, in its order: kept by id, created
 * without one, removed when left out. An indicator with reported values cannot be removed
 * (the entries would lose their meaning): a 422 on `indicators`.
 */
export async function syncIndicators(
  tx: DbTx,
  taskId: string,
  list: IndicatorInput[],
  locale: Locale,
) {
  const existing = await tx.indicatorDefinition.findMany({
    where: { taskId },
    select: { id: true },
  });
  const known = new Set(existing.map((i) => i.id));
  const unknown = list.findIndex((i) => i.id && !known.has(i.id));
  if (unknown >= 0)
    throw catalogueFieldError(locale, `indicators.${unknown}.id`, "unknownIndicator");
  const kept = new Set(list.map((i) => i.id).filter(Boolean));
  const removed = existing.filter((i) => !kept.has(i.id)).map((i) => i.id);
  if (removed.length) {
    const reported = await tx.indicatorValue.count({ where: { indicatorId: { in: removed } } });
    if (reported) throw catalogueFieldError(locale, "indicators", "indicatorHasValues");
    await tx.indicatorDefinition.deleteMany({ where: { id: { in: removed } } });
  }
  // Codes are unique per task: park the kept ones first so that two may swap codes.
  for (const i of list)
    if (i.id)
      await tx.indicatorDefinition.update({ where: { id: i.id }, data: { code: `~${i.id}` } });
  for (const [n, i] of list.entries()) {
    if (i.id)
      await tx.indicatorDefinition.update({ where: { id: i.id }, data: indicatorColumns(i, n) });
    else await tx.indicatorDefinition.create({ data: { taskId, ...indicatorColumns(i, n) } });
  }
}
