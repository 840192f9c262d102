import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { can, type Actor } from "@/lib/auth/policy";
import { getDb, type DbTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { programmeReadWhere, programmeToManage } from "./access";
import { catalogueFieldError, parseCatalogueInput } from "./parse";
import { CreateCategoryInput, UpdateCategoryInput, type CategoryDto } from "./schemas";
import { categorySelect, toCategoryDto } from "./to-dto";

async function assertCategoryCodeFree(
  tx: DbTx,
  programmeId: string,
  code: string,
  locale: Locale,
  exceptId?: string,
) {
  const taken = await tx.category.count({
    where: {
      programmeId,
      code: { equals: code, mode: "insensitive" },
      ...(exceptId ? { NOT: { id: exceptId } } : {}),
    },
  });
  if (taken) throw catalogueFieldError(locale, "code", "codeTaken");
}

/** Adds a category (任务类别) to a programme the actor owns; a code taken in it is a 422. */
export async function createCategory(
  actor: Actor,
  options: { input: unknown; locale: Locale; requestId?: string },
): Promise<CategoryDto> {
  if (!can(actor, "catalogue.manage")) throw new AppError("forbidden");
  const input = parseCatalogueInput(CreateCategoryInput, options.input, options.locale);
  return getDb().$transaction(async (tx) => {
    const programme = await programmeToManage(tx, actor, input.programmeId);
    await assertCategoryCodeFree(tx, programme.id, input.code, options.locale);
    const category = await tx.category.create({ data: input, select: categorySelect });
    const dto = toCategoryDto(category);
    await recordAudit(tx, {
      actor,
      action: "category.create",
      entityType: "Category",
      entityId: category.id,
      after: dto,
      requestId: options.requestId,
    });
    return dto;
  });
}

/**
 * Renames, recodes or reorders a category. Its ledger items refer to it by id, so nothing else
 * changes. (Categories carry no version: the last edit wins, and the audit keeps both.)
 */
export async function updateCategory(
  actor: Actor,
  options: { id: string; input: unknown; locale: Locale; requestId?: string },
): Promise<CategoryDto> {
  if (!can(actor, "catalogue.manage")) throw new AppError("forbidden");
  const input = parseCatalogueInput(UpdateCategoryInput, options.input, options.locale);
  return getDb().$transaction(async (tx) => {
    const before = await tx.category.findFirst({
      where: { id: options.id, programme: programmeReadWhere(actor) },
      select: categorySelect,
    });
    if (!before) throw new AppError("not_found");
    await programmeToManage(tx, actor, before.programmeId);
    if (input.code && input.code !== before.code)
      await assertCategoryCodeFree(tx, before.programmeId, input.code, options.locale, before.id);
    const after = await tx.category.update({
      where: { id: before.id },
      data: input,
      select: categorySelect,
    });
    const dto = toCategoryDto(after);
    await recordAudit(tx, {
      actor,
      action: "category.update",
      entityType: "Category",
      entityId: before.id,
      before: toCategoryDto(before),
      after: dto,
      requestId: options.requestId,
    });
    return dto;
  });
}
