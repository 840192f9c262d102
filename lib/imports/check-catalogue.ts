import "server-only";
import { randomUUID } from "node:crypto";
import type { CellValue } from "@/lib/excel/cell-value";
import { applyCatalogue, type CataloguePlan } from "./apply-catalogue";
import { changedFields } from "./diff";
import { count, type CheckContext, type Plan } from "./plan";
import { presentFields, rowFields, rowProblem, updateValues } from "./row-helpers";

const CATEGORY_FIELDS = {
  "category.nameZh": "nameZh",
  "category.nameEn": "nameEn",
  "category.sortOrder": "sortOrder",
};
const TASK_FIELDS = {
  "task.titleZh": "titleZh",
  "task.titleEn": "titleEn",
  "task.weight": "weight",
  "task.defaultDueDate": "defaultDueDate",
  "task.doneCriteriaZh": "doneCriteriaZh",
  "task.doneCriteriaEn": "doneCriteriaEn",
  "task.descriptionZh": "descriptionZh",
  "task.descriptionEn": "descriptionEn",
  "task.sortOrder": "sortOrder",
};
const INDICATOR_FIELDS = {
  "indicator.nameZh": "nameZh",
  "indicator.nameEn": "nameEn",
  "indicator.unit": "unit",
  "indicator.direction": "direction",
  "indicator.baseline": "baseline",
  "indicator.target": "target",
  "indicator.sortOrder": "sortOrder",
};
const KEEP = new Set([
  "category.sortOrder",
  "task.weight",
  "task.sortOrder",
  "task.isMain",
  "indicator.direction",
  "indicator.sortOrder",
]);

/**
 * A programme's catalogue workbook against the database: categories by code, tasks by code
 * within the programme, indicators by task and code. Unknown category or task codes referred to
 * by a row are problems; everything else is a create, an update or unchanged. Nothing is
 * deleted: a row left out of the file stays as it is.
 */
export async function checkCatalogue(ctx: CheckContext): Promise<Plan> {
  const programmeId = ctx.programme!.id;
  const { db, problems } = ctx;
  const [categories, tasks, indicators] = await Promise.all([
    db.category.findMany({ where: { programmeId } }),
    db.task.findMany({ where: { programmeId } }),
    db.indicatorDefinition.findMany({ where: { task: { programmeId } } }),
  ]);
  const plan: CataloguePlan = {
    programmeId,
    categories: { creates: [], updates: [] },
    tasks: { creates: [], updates: [], reclassify: [] },
    indicators: { creates: [], updates: [] },
    fields: { categories: [], tasks: [], indicators: [] },
  };
  const counts = [count("categories"), count("tasks"), count("indicators")];

  const categoryId = new Map(categories.map((c) => [c.code, c.id]));
  const catSheet = ctx.sheets.get("categories");
  if (catSheet) {
    plan.fields.categories = presentFields(catSheet, CATEGORY_FIELDS);
    const byCode = new Map(categories.map((c) => [c.code, c]));
    for (const row of catSheet.rows) {
      const code = row.values["category.code"] as string;
      const fields = rowFields(catSheet, row, CATEGORY_FIELDS, KEEP);
      const existing = byCode.get(code);
      if (!existing) {
        const id = randomUUID();
        categoryId.set(code, id);
        plan.categories.creates.push({
          id,
          programmeId,
          code,
          ...withDefaults(fields, { sortOrder: 0 }),
        });
        counts[0]!.created += 1;
        continue;
      }
      const diff = changedFields(existing, fields);
      if (!diff) counts[0]!.unchanged += 1;
      else {
        plan.categories.updates.push({
          id: existing.id,
          code,
          values: updateValues(existing, fields, plan.fields.categories),
          ...diff,
        });
        counts[0]!.updated += 1;
      }
    }
  }

  const taskId = new Map(tasks.map((t) => [t.code, t.id]));
  const taskSheet = ctx.sheets.get("tasks");
  if (taskSheet) {
    plan.fields.tasks = presentFields(taskSheet, TASK_FIELDS);
    const byCode = new Map(tasks.map((t) => [t.code, t]));
    for (const row of taskSheet.rows) {
      const code = row.values["task.code"] as string;
      const catCode = row.values["task.categoryCode"] as string;
      const catId = categoryId.get(catCode);
      if (!catId) {
        rowProblem(problems, taskSheet, row.row, "task.categoryCode", "unknownCode", {
          code: catCode,
        });
        continue;
      }
      const fields = rowFields(taskSheet, row, TASK_FIELDS, KEEP);
      const isMain = row.values["task.isMain"] as boolean | null | undefined;
      const existing = byCode.get(code);
      if (!existing) {
        const id = randomUUID();
        taskId.set(code, id);
        plan.tasks.creates.push({
          id,
          programmeId,
          code,
          categoryId: catId,
          isMain: isMain ?? true,
          ...withDefaults(fields, { weight: 1, sortOrder: 0 }),
        });
        counts[1]!.created += 1;
        continue;
      }
      const diff = changedFields(existing, fields);
      const nextMain = isMain ?? existing.isMain;
      const reclassified = catId !== existing.categoryId || nextMain !== existing.isMain;
      if (diff)
        plan.tasks.updates.push({
          id: existing.id,
          code,
          values: updateValues(existing, fields, plan.fields.tasks),
          ...diff,
        });
      if (reclassified)
        plan.tasks.reclassify.push({ id: existing.id, categoryId: catId, isMain: nextMain });
      if (diff || reclassified) counts[1]!.updated += 1;
      else counts[1]!.unchanged += 1;
    }
  }

  const indSheet = ctx.sheets.get("indicators");
  if (indSheet) {
    plan.fields.indicators = presentFields(indSheet, INDICATOR_FIELDS);
    const byKey = new Map(indicators.map((i) => [`${i.taskId}/${i.code}`, i]));
    for (const row of indSheet.rows) {
      const taskCode = row.values["indicator.taskCode"] as string;
      const code = row.values["indicator.code"] as string;
      const tId = taskId.get(taskCode);
      if (!tId) {
        rowProblem(problems, indSheet, row.row, "indicator.taskCode", "unknownCode", {
          code: taskCode,
        });
        continue;
      }
      const fields = rowFields(indSheet, row, INDICATOR_FIELDS, KEEP);
      const existing = byKey.get(`${tId}/${code}`);
      if (!existing) {
        plan.indicators.creates.push({
          id: randomUUID(),
          taskId: tId,
          code,
          ...withDefaults(fields, { direction: "INCREASE", sortOrder: 0 }),
        });
        counts[2]!.created += 1;
        continue;
      }
      const diff = changedFields(existing, fields);
      if (!diff) counts[2]!.unchanged += 1;
      else {
        plan.indicators.updates.push({
          id: existing.id,
          code: `${taskCode}/${code}`,
          values: updateValues(existing, fields, plan.fields.indicators),
          ...diff,
        });
        counts[2]!.updated += 1;
      }
    }
  }
  const present = counts.filter((c) => ctx.sheets.has(c.id));
  return { counts: present, apply: (tx, applyCtx) => applyCatalogue(tx, applyCtx, plan) };
}

/** A new row's fields: the file's values over the defaults of the columns that cannot be empty. */
function withDefaults(fields: Record<string, CellValue>, defaults: Record<string, CellValue>) {
  return { ...defaults, ...fields } as Record<string, CellValue>;
}
