import "server-only";
import { withRollup } from "@/lib/dashboard/rollup/maintain";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DbTx } from "@/lib/db/client";
import type { CellValue } from "@/lib/excel/cell-value";
import { reclassifyTask } from "@/lib/history/reclassify-task";
import { parseIsoDay } from "@/lib/time";
import { bulkUpdate, type SqlType } from "./bulk-sql";
import type { ApplyContext } from "./plan";

type Row = Record<string, CellValue> & { id: string };
type Update = {
  id: string;
  code: string;
  values: Record<string, CellValue>;
  before: Record<string, CellValue>;
  after: Record<string, CellValue>;
};

export type CataloguePlan = {
  programmeId: string;
  categories: { creates: Row[]; updates: Update[] };
  tasks: {
    creates: Row[];
    updates: Update[];
    reclassify: { id: string; categoryId: string; isMain: boolean }[];
  };
  indicators: { creates: Row[]; updates: Update[] };
  /** Database fields of the columns present in each sheet (what the updates write). */
  fields: { categories: string[]; tasks: string[]; indicators: string[] };
};

const TYPES: Record<string, SqlType> = {
  nameZh: "text",
  nameEn: "text",
  titleZh: "text",
  titleEn: "text",
  sortOrder: "int4",
  weight: "numeric",
  defaultDueDate: "date",
  doneCriteriaZh: "text",
  doneCriteriaEn: "text",
  descriptionZh: "text",
  descriptionEn: "text",
  unit: '"IndicatorUnit"',
  direction: '"IndicatorDirection"',
  baseline: "numeric",
  target: "numeric",
};

const typesOf = (fields: readonly string[]) =>
  Object.fromEntries(fields.map((f) => [f, TYPES[f]!])) as Record<string, SqlType>;

/**
 * Writes a checked catalogue plan in the caller's transaction: categories first (tasks refer to
 * them), then tasks, then indicators; creations with createMany, updates one statement a sheet.
 * A task's category or main flag only changes through reclassifyTask, which keeps its ledger
 * items and their history in step.
 */
export async function applyCatalogue(tx: DbTx, ctx: ApplyContext, plan: CataloguePlan) {
  const { audit, at } = ctx;
  let done = 0;
  const step = async (n: number) => ctx.progress((done += n));

  if (plan.categories.creates.length)
    await tx.category.createMany({ data: plan.categories.creates as never });
  await bulkUpdate(tx, "Category", typesOf(plan.fields.categories), plan.categories.updates, {
    versioned: false,
    at,
  });
  for (const c of plan.categories.creates)
    audit.add({ action: "category.create", entityType: "Category", entityId: c.id, after: c });
  for (const u of plan.categories.updates)
    audit.add({
      action: "category.update",
      entityType: "Category",
      entityId: u.id,
      before: u.before,
      after: u.after,
    });
  await step(plan.categories.creates.length + plan.categories.updates.length);

  if (plan.tasks.creates.length)
    await tx.task.createMany({ data: plan.tasks.creates.map(withDays) as never });
  // A task's weight counts in every past figure of its items: their roll-up is redone whole.
  const reweighted = plan.tasks.updates
    .filter((u) => "weight" in u.after && String(u.after.weight) !== String(u.before.weight))
    .map((u) => u.id);
  const items = Prisma.sql`SELECT "id" FROM "LedgerItem" WHERE "taskId" = ANY(${reweighted}::uuid[])`;
  await withRollup(tx, reweighted.length ? items : [], "created", () =>
    bulkUpdate(tx, "Task", typesOf(plan.fields.tasks), plan.tasks.updates, {
      versioned: true,
      at,
    }),
  );
  for (const r of plan.tasks.reclassify)
    await reclassifyTask(tx, {
      taskId: r.id,
      categoryId: r.categoryId,
      isMain: r.isMain,
      at,
      actor: ctx.actor,
      requestId: ctx.requestId,
    });
  for (const t of plan.tasks.creates)
    audit.add({ action: "task.create", entityType: "Task", entityId: t.id, after: t });
  for (const u of plan.tasks.updates)
    audit.add({
      action: "task.update",
      entityType: "Task",
      entityId: u.id,
      before: u.before,
      after: u.after,
    });
  await step(plan.tasks.creates.length + plan.tasks.updates.length + plan.tasks.reclassify.length);

  if (plan.indicators.creates.length)
    await tx.indicatorDefinition.createMany({ data: plan.indicators.creates as never });
  await bulkUpdate(
    tx,
    "IndicatorDefinition",
    typesOf(plan.fields.indicators),
    plan.indicators.updates,
    {
      versioned: false,
      at,
    },
  );
  for (const i of plan.indicators.creates)
    audit.add({
      action: "indicator.create",
      entityType: "IndicatorDefinition",
      entityId: i.id,
      after: i,
    });
  for (const u of plan.indicators.updates)
    audit.add({
      action: "indicator.update",
      entityType: "IndicatorDefinition",
      entityId: u.id,
      before: u.before,
      after: u.after,
    });
  await step(plan.indicators.creates.length + plan.indicators.updates.length);
}

/** Day columns as Prisma expects them on create. */
function withDays(row: Row) {
  const day = row.defaultDueDate;
  return typeof day === "string" ? { ...row, defaultDueDate: parseIsoDay(day) } : row;
}
