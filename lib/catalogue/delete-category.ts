import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { can, type Actor } from "@/lib/auth/policy";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { programmeReadWhere, programmeToManage } from "./access";
import { catalogueFieldError } from "./parse";
import { categorySelect, toCategoryDto } from "./to-dto";

/**
 * Deletes a category nobody has used: no tasks (move or delete them first), no ledger items now
 * or in their history, no frozen round figures. Otherwise a 422 saying why. Its targets go with it.
 */
export async function deleteCategory(
  actor: Actor,
  options: { id: string; locale: Locale; requestId?: string },
): Promise<{ deleted: true }> {
  if (!can(actor, "catalogue.manage")) throw new AppError("forbidden");
  return getDb().$transaction(async (tx) => {
    const category = await tx.category.findFirst({
      where: { id: options.id, programme: programmeReadWhere(actor) },
      select: {
        ...categorySelect,
        targets: true,
        _count: {
          select: { tasks: true, ledgerItems: true, itemSpans: true, snapshots: true },
        },
      },
    });
    if (!category) throw new AppError("not_found");
    await programmeToManage(tx, actor, category.programmeId);
    const used = category._count;
    if (used.ledgerItems || used.itemSpans || used.snapshots)
      throw catalogueFieldError(options.locale, "_form", "categoryHasItems");
    if (used.tasks) throw catalogueFieldError(options.locale, "_form", "categoryHasTasks");
    await tx.category.delete({ where: { id: category.id } });
    const { targets, ...rest } = category;
    await recordAudit(tx, {
      actor,
      action: "category.delete",
      entityType: "Category",
      entityId: category.id,
      before: { ...toCategoryDto(rest), targets },
      requestId: options.requestId,
    });
    return { deleted: true };
  });
}
