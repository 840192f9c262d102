import "server-only";
import type { DbTx } from "@/lib/db/client";
import type { Locale } from "@/lib/i18n/config";
import { parseIsoDay } from "@/lib/time";
import { blankToNull, catalogueFieldError } from "./parse";
import type { ProgrammeFields } from "./schemas";

type Milestone = { date: string; nameZh: string; nameEn: string };
type Target = {
  categoryId: string | null;
  dueDate: string;
  ratePercent: number;
  nameZh?: string | null;
  nameEn?: string | null;
};

/** The programme's columns from (some of) its validated fields. */
export function programmeColumns(fields: Partial<ProgrammeFields>) {
  const day = (v: string | undefined) => (v === undefined ? undefined : parseIsoDay(v));
  return {
    code: fields.code,
    nameZh: fields.nameZh,
    nameEn: fields.nameEn,
    descriptionZh: blankToNull(fields.descriptionZh),
    descriptionEn: blankToNull(fields.descriptionEn),
    startDate: day(fields.startDate),
    endDate: day(fields.endDate),
    reportingUntil:
      fields.reportingUntil === undefined
        ? undefined
        : fields.reportingUntil
          ? parseIsoDay(fields.reportingUntil)
          : null,
    status: fields.status,
    supervisorId: fields.supervisorId,
    closeOffLevels: fields.closeOffLevels,
    dueSoonDays: fields.dueSoonDays,
    behindPlanPoints: fields.behindPlanPoints,
    reportingCadence: fields.reportingCadence,
  };
}

/** A programme code is unique across programmes: a 422 on `code` when taken by another. */
export async function assertProgrammeCodeFree(
  tx: DbTx,
  code: string,
  locale: Locale,
  exceptId?: string,
) {
  const taken = await tx.programme.count({
    where: {
      code: { equals: code, mode: "insensitive" },
      ...(exceptId ? { NOT: { id: exceptId } } : {}),
    },
  });
  if (taken) throw catalogueFieldError(locale, "code", "codeTaken");
}

/** Replaces the programme's milestones and/or targets with the lists given (undefined: untouched). */
export async function replaceLists(
  tx: DbTx,
  programmeId: string,
  lists: { milestones?: Milestone[]; targets?: Target[] },
  locale: Locale,
) {
  if (lists.targets) {
    const categoryIds = [
      ...new Set(lists.targets.map((t) => t.categoryId).filter((id): id is string => !!id)),
    ];
    const known = new Set(
      (
        await tx.category.findMany({
          where: { programmeId, id: { in: categoryIds } },
          select: { id: true },
        })
      ).map((c) => c.id),
    );
    const bad = lists.targets.findIndex((t) => t.categoryId && !known.has(t.categoryId));
    if (bad >= 0)
      throw catalogueFieldError(locale, `targets.${bad}.categoryId`, "categoryNotInProgramme");
    await tx.target.deleteMany({ where: { programmeId } });
    await tx.target.createMany({
      data: lists.targets.map((t) => ({
        programmeId,
        categoryId: t.categoryId,
        dueDate: parseIsoDay(t.dueDate),
        ratePercent: t.ratePercent.toFixed(2),
        nameZh: blankToNull(t.nameZh) ?? null,
        nameEn: blankToNull(t.nameEn) ?? null,
      })),
    });
  }
  if (lists.milestones) {
    await tx.milestone.deleteMany({ where: { programmeId } });
    await tx.milestone.createMany({
      data: lists.milestones.map((m) => ({
        programmeId,
        date: parseIsoDay(m.date),
        nameZh: m.nameZh,
        nameEn: m.nameEn,
      })),
    });
  }
}
