import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { enterpriseScopeWhere, ledgerItemScopeWhere } from "@/lib/auth/scope";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/i18n/config";
import { translator } from "@/lib/i18n/messages";
import { IMPORT_MAX_ROWS } from "@/lib/imports/schemas";
import { ITEM_SHEET } from "@/lib/imports/sheets";
import { chinaDay } from "@/lib/time";
import { watermarkFor } from "@/lib/watermark/for-actor";
import { fileName } from "./export-catalogue";
import { renderWorkbook } from "./workbook";

/**
 * A programme's ledger items in the actor's scope (optionally one enterprise's subtree) as a
 * workbook: enterprise and task codes (the item's identity), responsibilities, due date, the
 * not-applicable mark, and status, percent done and last update as read-only columns. Capped at
 * the importer's row limit: a larger ledger is exported subtree by subtree.
 */
export async function exportLedger(
  actor: Actor,
  query: { programmeId: string; enterpriseId?: string; template?: "1" },
  options: { locale: Locale; now: Date },
) {
  const db = getDb();
  const programme = await db.programme.findUnique({
    where: { id: query.programmeId },
    select: { id: true, code: true },
  });
  if (!programme) throw new AppError("not_found");
  if (query.enterpriseId) {
    const found = await db.enterprise.count({
      where: { id: query.enterpriseId, ...enterpriseScopeWhere(actor) },
    });
    if (!found) throw new AppError("not_found");
  }
  const blank = query.template === "1";
  const where: Prisma.LedgerItemWhereInput = {
    programmeId: programme.id,
    ...ledgerItemScopeWhere(actor),
    ...(query.enterpriseId
      ? { enterprise: { ancestors: { some: { ancestorId: query.enterpriseId } } } }
      : {}),
  };
  if (!blank && (await db.ledgerItem.count({ where })) > IMPORT_MAX_ROWS) {
    const t = translator(options.locale);
    throw new AppError("validation_failed", undefined, {
      enterpriseId: t("imports.fileErrors.tooManyRows", { max: IMPORT_MAX_ROWS }),
    });
  }
  const items = blank
    ? []
    : await db.ledgerItem.findMany({
        where,
        select: {
          responsibleDept: true,
          responsiblePerson: true,
          responsiblePhone: true,
          dueDate: true,
          notApplicable: true,
          notApplicableReason: true,
          status: true,
          percentDone: true,
          lastEntryAt: true,
          enterprise: { select: { code: true, nameZh: true, nameEn: true } },
          task: { select: { code: true, titleZh: true, titleEn: true } },
        },
        orderBy: [{ enterprise: { code: "asc" } }, { task: { code: "asc" } }],
      });
  const en = options.locale === "en";
  const bytes = await renderWorkbook(
    [
      {
        def: ITEM_SHEET,
        rows: items.map((i) => ({
          "item.enterpriseCode": i.enterprise.code,
          "item.enterpriseName": en ? i.enterprise.nameEn : i.enterprise.nameZh,
          "item.taskCode": i.task.code,
          "item.taskTitle": en ? i.task.titleEn : i.task.titleZh,
          "item.responsibleDept": i.responsibleDept,
          "item.responsiblePerson": i.responsiblePerson,
          "item.responsiblePhone": i.responsiblePhone,
          "item.dueDate": i.dueDate,
          "item.notApplicable": i.notApplicable,
          "item.notApplicableReason": i.notApplicableReason,
          "item.status": i.status,
          "item.percentDone": i.percentDone,
          "item.lastEntryAt": i.lastEntryAt ? chinaDay(i.lastEntryAt) : null,
        })),
      },
    ],
    { locale: options.locale, now: options.now, watermark: watermarkFor(actor, options.now) },
  );
  return { bytes, fileName: fileName(options, "ledger", programme.code, blank) };
}
