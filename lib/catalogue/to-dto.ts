import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isoDay } from "@/lib/time";
import type { CategoryDto, IndicatorDto, ProgrammeDetail, TaskDto } from "./schemas";

const num = (d: Prisma.Decimal | null) => (d === null ? null : Number(d));
const dayOrNull = (d: Date | null) => (d ? isoDay(d) : null);

export const supervisorSelect = { id: true, code: true, nameZh: true, nameEn: true } as const;

export const categorySelect = {
  id: true,
  programmeId: true,
  code: true,
  nameZh: true,
  nameEn: true,
  sortOrder: true,
  _count: { select: { tasks: true, ledgerItems: true } },
} as const satisfies Prisma.CategorySelect;

export function toCategoryDto(
  c: Prisma.CategoryGetPayload<{ select: typeof categorySelect }>,
): CategoryDto {
  const { _count, ...rest } = c;
  return { ...rest, tasks: _count.tasks, ledgerItems: _count.ledgerItems };
}

export const programmeDetailInclude = {
  supervisor: { select: supervisorSelect },
  milestones: { orderBy: [{ date: "asc" }, { id: "asc" }] },
  targets: { orderBy: [{ dueDate: "asc" }, { id: "asc" }] },
  categories: { select: categorySelect, orderBy: [{ sortOrder: "asc" }, { code: "asc" }] },
} as const satisfies Prisma.ProgrammeInclude;

export function toProgrammeDetail(
  p: Prisma.ProgrammeGetPayload<{ include: typeof programmeDetailInclude }>,
  canManage: boolean,
): ProgrammeDetail {
  return {
    id: p.id,
    code: p.code,
    nameZh: p.nameZh,
    nameEn: p.nameEn,
    descriptionZh: p.descriptionZh,
    descriptionEn: p.descriptionEn,
    startDate: isoDay(p.startDate),
    endDate: isoDay(p.endDate),
    reportingUntil: dayOrNull(p.reportingUntil),
    status: p.status,
    supervisorId: p.supervisorId,
    closeOffLevels: p.closeOffLevels,
    dueSoonDays: p.dueSoonDays,
    behindPlanPoints: p.behindPlanPoints,
    reportingCadence: p.reportingCadence,
    version: p.version,
    supervisor: p.supervisor,
    milestones: p.milestones.map((m) => ({
      id: m.id,
      date: isoDay(m.date),
      nameZh: m.nameZh,
      nameEn: m.nameEn,
    })),
    targets: p.targets.map((t) => ({
      id: t.id,
      categoryId: t.categoryId,
      dueDate: isoDay(t.dueDate),
      ratePercent: Number(t.ratePercent),
      nameZh: t.nameZh,
      nameEn: t.nameEn,
    })),
    categories: p.categories.map(toCategoryDto),
    canManage,
  };
}

export const taskInclude = {
  indicators: { orderBy: [{ sortOrder: "asc" }, { code: "asc" }] },
  _count: { select: { ledgerItems: true } },
} as const satisfies Prisma.TaskInclude;

export function toTaskDto(t: Prisma.TaskGetPayload<{ include: typeof taskInclude }>): TaskDto {
  return {
    id: t.id,
    programmeId: t.programmeId,
    categoryId: t.categoryId,
    code: t.code,
    titleZh: t.titleZh,
    titleEn: t.titleEn,
    descriptionZh: t.descriptionZh,
    descriptionEn: t.descriptionEn,
    doneCriteriaZh: t.doneCriteriaZh,
    doneCriteriaEn: t.doneCriteriaEn,
    isMain: t.isMain,
    weight: Number(t.weight),
    defaultDueDate: dayOrNull(t.defaultDueDate),
    sortOrder: t.sortOrder,
    version: t.version,
    indicators: t.indicators.map((i): IndicatorDto => ({
      id: i.id,
      code: i.code,
      nameZh: i.nameZh,
      nameEn: i.nameEn,
      unit: i.unit,
      direction: i.direction,
      baseline: num(i.baseline),
      target: num(i.target),
      sortOrder: i.sortOrder,
    })),
    ledgerItems: t._count.ledgerItems,
  };
}
