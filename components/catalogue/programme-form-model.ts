import type { ProgrammeDetail } from "@/lib/catalogue/schemas";
import { orNull } from "./use-catalogue-form";

/** The programme form's values: days and texts as strings ("" = none), as the inputs hold them. */
export type ProgrammeFormValues = {
  code: string;
  nameZh: string;
  nameEn: string;
  descriptionZh: string;
  descriptionEn: string;
  startDate: string;
  endDate: string;
  reportingUntil: string;
  status: "DRAFT" | "ACTIVE" | "ARCHIVED";
  supervisorId: string;
  closeOffLevels: number;
  dueSoonDays: number;
  behindPlanPoints: number;
  reportingCadence: "MONTH" | "QUARTER";
  milestones: { date: string; nameZh: string; nameEn: string }[];
  targets: {
    categoryId: string;
    dueDate: string;
    ratePercent: number;
    nameZh: string;
    nameEn: string;
  }[];
};

export function emptyProgramme(supervisorId: string): ProgrammeFormValues {
  return {
    code: "",
    nameZh: "",
    nameEn: "",
    descriptionZh: "",
    descriptionEn: "",
    startDate: "",
    endDate: "",
    reportingUntil: "",
    status: "DRAFT",
    supervisorId,
    closeOffLevels: 1,
    dueSoonDays: 30,
    behindPlanPoints: 15,
    reportingCadence: "MONTH",
    milestones: [],
    targets: [],
  };
}

export function programmeValues(p: ProgrammeDetail): ProgrammeFormValues {
  return {
    code: p.code,
    nameZh: p.nameZh,
    nameEn: p.nameEn,
    descriptionZh: p.descriptionZh ?? "",
    descriptionEn: p.descriptionEn ?? "",
    startDate: p.startDate,
    endDate: p.endDate,
    reportingUntil: p.reportingUntil ?? "",
    status: p.status,
    supervisorId: p.supervisorId,
    closeOffLevels: p.closeOffLevels,
    dueSoonDays: p.dueSoonDays,
    behindPlanPoints: p.behindPlanPoints,
    reportingCadence: p.reportingCadence,
    milestones: p.milestones.map((m) => ({ date: m.date, nameZh: m.nameZh, nameEn: m.nameEn })),
    targets: p.targets.map((t) => ({
      categoryId: t.categoryId ?? "",
      dueDate: t.dueDate,
      ratePercent: t.ratePercent,
      nameZh: t.nameZh ?? "",
      nameEn: t.nameEn ?? "",
    })),
  };
}

/** The values as the API takes them: blanks are null. */
export function programmeInput(v: ProgrammeFormValues) {
  return {
    ...v,
    descriptionZh: orNull(v.descriptionZh),
    descriptionEn: orNull(v.descriptionEn),
    reportingUntil: orNull(v.reportingUntil),
    targets: v.targets.map((t) => ({
      ...t,
      categoryId: orNull(t.categoryId),
      nameZh: orNull(t.nameZh),
      nameEn: orNull(t.nameEn),
    })),
  };
}
