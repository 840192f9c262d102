import "server-only";
import { randomUUID } from "node:crypto";
import { recordAudit } from "@/lib/audit/record";
import { can, type Actor } from "@/lib/auth/policy";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { parseIsoDay } from "@/lib/time";
import { assertOwnsSupervisor, programmeReadWhere } from "./access";
import { catalogueFieldError, parseCatalogueInput } from "./parse";
import { assertProgrammeCodeFree } from "./programme-writes";
import { CopyProgrammeInput, type ProgrammeDetail } from "./schemas";
import { dayShifter } from "./shift-dates";
import { programmeDetailInclude, toProgrammeDetail } from "./to-dto";

/**
 * The next action from the last one: a new draft programme with the source's settings,
 * categories, tasks and indicators, and its milestones, targets and default due dates moved by
 * the offset between the two starts (`dayShifter`). Ledger items, rounds and history stay with
 * the source. The source need only be visible; the new programme's supervisor must be the
 * actor's own (a provincial SASAC may start from the State Council's catalogue).
 */
export async function copyProgramme(
  actor: Actor,
  options: { sourceId: string; input: unknown; locale: Locale; requestId?: string },
): Promise<ProgrammeDetail> {
  if (!can(actor, "catalogue.manage")) throw new AppError("forbidden");
  const { locale } = options;
  const input = parseCatalogueInput(CopyProgrammeInput, options.input, locale);
  return getDb().$transaction(async (tx) => {
    const source = await tx.programme.findFirst({
      where: { AND: [{ id: options.sourceId }, programmeReadWhere(actor)] },
      include: {
        milestones: true,
        targets: true,
        categories: true,
        tasks: { include: { indicators: true } },
      },
    });
    if (!source) throw new AppError("not_found");
    const supervisorId = input.supervisorId ?? source.supervisorId;
    await assertOwnsSupervisor(tx, actor, supervisorId, () =>
      catalogueFieldError(locale, "supervisorId", "unknownSupervisor"),
    );
    await assertProgrammeCodeFree(tx, input.code, locale);
    const startDate = parseIsoDay(input.startDate);
    const shift = dayShifter(source.startDate, startDate);
    const endDate = input.endDate ? parseIsoDay(input.endDate) : shift(source.endDate);
    if (endDate < startDate) throw catalogueFieldError(locale, "endDate", "endBeforeStart");

    const programme = await tx.programme.create({
      data: {
        code: input.code,
        nameZh: input.nameZh,
        nameEn: input.nameEn,
        descriptionZh: source.descriptionZh,
        descriptionEn: source.descriptionEn,
        startDate,
        endDate,
        reportingUntil:
          source.reportingUntil && shift(source.reportingUntil) > endDate
            ? shift(source.reportingUntil)
            : null,
        status: "DRAFT",
        supervisorId,
        closeOffLevels: source.closeOffLevels,
        dueSoonDays: source.dueSoonDays,
        behindPlanPoints: source.behindPlanPoints,
        reportingCadence: source.reportingCadence,
      },
      select: { id: true },
    });
    const categoryIds = new Map(source.categories.map((c) => [c.id, randomUUID()]));
    await tx.category.createMany({
      data: source.categories.map((c) => ({
        id: categoryIds.get(c.id)!,
        programmeId: programme.id,
        code: c.code,
        nameZh: c.nameZh,
        nameEn: c.nameEn,
        sortOrder: c.sortOrder,
      })),
    });
    await tx.milestone.createMany({
      data: source.milestones.map((m) => ({
        programmeId: programme.id,
        date: shift(m.date),
        nameZh: m.nameZh,
        nameEn: m.nameEn,
      })),
    });
    await tx.target.createMany({
      data: source.targets.map((t) => ({
        programmeId: programme.id,
        categoryId: t.categoryId ? categoryIds.get(t.categoryId)! : null,
        dueDate: shift(t.dueDate),
        ratePercent: t.ratePercent,
        nameZh: t.nameZh,
        nameEn: t.nameEn,
      })),
    });
    const taskIds = new Map(source.tasks.map((t) => [t.id, randomUUID()]));
    await tx.task.createMany({
      data: source.tasks.map((t) => ({
        id: taskIds.get(t.id)!,
        programmeId: programme.id,
        categoryId: categoryIds.get(t.categoryId)!,
        code: t.code,
        titleZh: t.titleZh,
        titleEn: t.titleEn,
        descriptionZh: t.descriptionZh,
        descriptionEn: t.descriptionEn,
        doneCriteriaZh: t.doneCriteriaZh,
        doneCriteriaEn: t.doneCriteriaEn,
        isMain: t.isMain,
        weight: t.weight,
        defaultDueDate: t.defaultDueDate && shift(t.defaultDueDate),
        sortOrder: t.sortOrder,
      })),
    });
    await tx.indicatorDefinition.createMany({
      data: source.tasks.flatMap((t) =>
        t.indicators.map((i) => ({
          taskId: taskIds.get(t.id)!,
          code: i.code,
          nameZh: i.nameZh,
          nameEn: i.nameEn,
          unit: i.unit,
          direction: i.direction,
          baseline: i.baseline,
          target: i.target,
          sortOrder: i.sortOrder,
        })),
      ),
    });
    const dto = toProgrammeDetail(
      await tx.programme.findUniqueOrThrow({
        where: { id: programme.id },
        include: programmeDetailInclude,
      }),
      true,
    );
    await recordAudit(tx, {
      actor,
      action: "programme.copy",
      entityType: "Programme",
      entityId: programme.id,
      after: {
        ...dto,
        copiedFrom: { id: source.id, code: source.code },
        tasks: source.tasks.length,
      },
      requestId: options.requestId,
    });
    return dto;
  });
}
