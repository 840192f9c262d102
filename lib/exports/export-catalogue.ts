import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { translator } from "@/lib/i18n/messages";
import { CATEGORY_SHEET, INDICATOR_SHEET, TASK_SHEET } from "@/lib/imports/sheets";
import { chinaIsoDay } from "@/lib/time";
import { watermarkFor } from "@/lib/watermark/for-actor";
import { renderWorkbook } from "./workbook";

/**
 * A programme's catalogue as a workbook: categories, tasks (with their category code, main
 * flag, weight, default due date, done criteria) and indicators, in catalogue order. Programmes
 * are public within the product, so any signed-in reader may download one; importing it back
 * needs the programme's owner.
 */
export async function exportCatalogue(
  actor: Actor,
  query: { programmeId: string; template?: "1" },
  options: { locale: Locale; now: Date },
) {
  const db = getDb();
  const programme = await db.programme.findUnique({
    where: { id: query.programmeId },
    select: { id: true, code: true },
  });
  if (!programme) throw new AppError("not_found");
  const blank = query.template === "1";
  const where = { programmeId: programme.id };
  const [categories, tasks, indicators] = blank
    ? [[], [], []]
    : await Promise.all([
        db.category.findMany({ where, orderBy: [{ sortOrder: "asc" }, { code: "asc" }] }),
        db.task.findMany({
          where,
          include: { category: { select: { code: true } } },
          orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
        }),
        db.indicatorDefinition.findMany({
          where: { task: where },
          include: { task: { select: { code: true, sortOrder: true } } },
          orderBy: [
            { task: { sortOrder: "asc" } },
            { task: { code: "asc" } },
            { sortOrder: "asc" },
            { code: "asc" },
          ],
        }),
      ]);
  const bytes = await renderWorkbook(
    [
      { def: CATEGORY_SHEET, rows: categories.map((c) => prefixed("category", c)) },
      {
        def: TASK_SHEET,
        rows: tasks.map((t) => ({ ...prefixed("task", t), "task.categoryCode": t.category.code })),
      },
      {
        def: INDICATOR_SHEET,
        rows: indicators.map((i) => ({
          ...prefixed("indicator", i),
          "indicator.taskCode": i.task.code,
        })),
      },
    ],
    { locale: options.locale, now: options.now, watermark: watermarkFor(actor, options.now) },
  );
  return { bytes, fileName: fileName(options, "catalogue", programme.code, blank) };
}

/** `{ code: "A" }` as `{ "task.code": "A" }`: database fields under the sheet's keys. */
export function prefixed(prefix: string, row: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [`${prefix}.${k}`, v]));
}

export function fileName(
  options: { locale: Locale; now: Date },
  kind: "catalogue" | "registry" | "ledger",
  code: string | null,
  blank: boolean,
): string {
  const t = translator(options.locale);
  const parts = [
    t(`imports.kinds.${kind}`),
    code,
    blank ? t("imports.template") : chinaIsoDay(options.now),
  ];
  return `${parts.filter(Boolean).join("-")}.xlsx`;
}
