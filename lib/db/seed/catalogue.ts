/**
 * The programme catalogue of the demo: the State-Owned Enterprise Reform Deepening and Upgrading
 * Action (2023-2025), code "SDU-2023", with its milestones, dated targets, ten task categories,
 * tasks ("SDU-C01-01", ...) and indicator definitions. Task texts are in tasks-a.ts / tasks-b.ts.
 */
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { day } from "./random";

export type IndicatorDef = {
  zh: string;
  en: string;
  unit: "COUNT" | "PERSON" | "YUAN_100M" | "PERCENT" | "PERCENTAGE_POINT";
  dir?: "DECREASE";
  base: number;
  target: number;
};

export type TaskDef = {
  /** Category code, "C01".."C10"; the task code is "SDU-<cat>-<nn>". */
  cat: string;
  n: number;
  main?: false;
  zh: string;
  en: string;
  descZh: string;
  descEn: string;
  doneZh: string;
  doneEn: string;
  weight: 1 | 2 | 3;
  due: string;
  /** G: assigned to groups only; A: to groups and subsidiaries. */
  scope: "G" | "A";
  ind?: IndicatorDef[];
};

export const PROGRAMME = {
  code: "SDU-2023",
  nameZh: "国有企业改革深化提升行动（2023—2025年）",
  nameEn: "State-Owned Enterprise Reform Deepening and Upgrading Action (2023-2025)",
  descriptionZh:
    "在国企改革三年行动基础上，围绕提高企业核心竞争力和增强核心功能，推进科技创新、产业焕新、重组整合、" +
    "机制改革和党的建设等重点任务。各中央企业和地方国资委制定实施方案和工作台账，确保 2024 年底完成 70% 以上主要任务，" +
    "2025 年底基本完成。",
  descriptionEn:
    "Following the Three-Year Action, the action focuses on core competitiveness and core functions: " +
    "innovation, new industries, reorganisation and integration, operating mechanisms and party building. " +
    "Every central enterprise and local SASAC keeps an implementation plan and a work ledger: more than 70% of " +
    "the main tasks completed by the end of 2024, substantially all by the end of 2025.",
  startDate: day(2023, 1, 1),
  endDate: day(2025, 12, 31),
  reportingUntil: day(2026, 12, 31),
};

const MILESTONES = [
  {
    date: day(2023, 6, 30),
    nameZh: "实施方案和工作台账报备",
    nameEn: "Implementation plans and work ledgers filed",
  },
  {
    date: day(2024, 4, 28),
    nameZh: "株洲现场推进会",
    nameEn: "On-site promotion meeting in Zhuzhou",
  },
  { date: day(2024, 6, 30), nameZh: "行动过半", nameEn: "Halfway point" },
  {
    date: day(2024, 12, 31),
    nameZh: "完成 70% 以上主要任务",
    nameEn: "More than 70% of main tasks completed",
  },
  { date: day(2025, 12, 31), nameZh: "行动收官", nameEn: "Action ends" },
];

const TARGETS = [
  {
    dueDate: day(2024, 12, 31),
    ratePercent: "70.00",
    nameZh: "2024 年底主要任务完成 70% 以上",
    nameEn: "70% of main tasks by the end of 2024",
  },
  {
    dueDate: day(2025, 12, 31),
    ratePercent: "100.00",
    nameZh: "2025 年底主要任务全面完成",
    nameEn: "All main tasks by the end of 2025",
  },
];

export const CATEGORIES = [
  { code: "C01", nameZh: "科技创新", nameEn: "Scientific and technological innovation" },
  {
    code: "C02",
    nameZh: "战略性新兴产业和未来产业",
    nameEn: "Strategic emerging and future industries",
  },
  {
    code: "C03",
    nameZh: "战略性重组和专业化整合",
    nameEn: "Strategic reorganisation and professional integration",
  },
  { code: "C04", nameZh: "“两非”“两资”处置", nameEn: 'Disposal of "two non" and "two capitals"' },
  { code: "C05", nameZh: "亏损企业治理", nameEn: "Loss-making enterprises" },
  { code: "C06", nameZh: "市场化经营机制", nameEn: "Market-oriented operating mechanisms" },
  { code: "C07", nameZh: "现代公司治理", nameEn: "Modern corporate governance" },
  { code: "C08", nameZh: "收入分配和激励", nameEn: "Income distribution and incentives" },
  {
    code: "C09",
    nameZh: "分类考核和国资监管",
    nameEn: "Classified assessment and state-asset supervision",
  },
  { code: "C10", nameZh: "党的领导和党的建设", nameEn: "Party leadership and party building" },
];

/**
 * Per-enterprise baselines and targets taken from the articles, where an enterprise's figure
 * differs from the task's default: SDIC's new-industry share of investment (58% in 2023, over 60%
 * planned for 2024) and the assets Chongqing revitalised and the funds it recovered.
 */
export const INDICATOR_OVERRIDES: {
  enterprise: string;
  task: string;
  indicator: string;
  base: number;
  target: number;
}[] = [
  { enterprise: "SDIC", task: "SDU-C02-01", indicator: "I1", base: 58, target: 60 },
  { enterprise: "CQ-YUFU", task: "SDU-C04-03", indicator: "I1", base: 0, target: 448.7 },
  { enterprise: "CQ-YUFU", task: "SDU-C04-03", indicator: "I2", base: 0, target: 144.2 },
  { enterprise: "CQ-YUFU", task: "SDU-C05-01", indicator: "I1", base: 64, target: 0 },
  { enterprise: "TELECOM", task: "SDU-C02-03", indicator: "I1", base: 1, target: 6 },
];

/** A task as the history generator sees it. */
export type CatalogueTask = {
  id: string;
  code: string;
  categoryId: string;
  isMain: boolean;
  weight: number;
  due: Date;
  scope: "G" | "A";
  titleZh: string;
  indicators: {
    id: string;
    code: string;
    unit: IndicatorDef["unit"];
    base: number;
    target: number;
  }[];
};

export type Catalogue = {
  programme: Prisma.ProgrammeCreateManyInput;
  milestones: Prisma.MilestoneCreateManyInput[];
  targets: Prisma.TargetCreateManyInput[];
  categories: Prisma.CategoryCreateManyInput[];
  tasks: Prisma.TaskCreateManyInput[];
  indicators: Prisma.IndicatorDefinitionCreateManyInput[];
  catalogueTasks: CatalogueTask[];
  byTaskCode: Map<string, CatalogueTask>;
};

export function taskCode(t: Pick<TaskDef, "cat" | "n">): string {
  return `SDU-${t.cat}-${String(t.n).padStart(2, "0")}`;
}

/** Decimal places an indicator of this unit is recorded with. */
export function unitPlaces(unit: IndicatorDef["unit"]): number {
  return unit === "COUNT" || unit === "PERSON" ? 0 : unit === "YUAN_100M" ? 2 : 1;
}

export function buildCatalogue(supervisorId: string, defs: TaskDef[]): Catalogue {
  const programmeId = randomUUID();
  const created = new Date(Date.UTC(2023, 1, 20));
  const programme: Prisma.ProgrammeCreateManyInput = {
    id: programmeId,
    ...PROGRAMME,
    status: "ACTIVE",
    supervisorId,
    closeOffLevels: 1,
    dueSoonDays: 30,
    behindPlanPoints: 15,
    createdAt: created,
  };
  const categoryIds = new Map(CATEGORIES.map((c) => [c.code, randomUUID()]));
  const categories = CATEGORIES.map((c, i) => ({
    id: categoryIds.get(c.code)!,
    programmeId,
    ...c,
    sortOrder: (i + 1) * 10,
  }));
  const tasks: Prisma.TaskCreateManyInput[] = [];
  const indicators: Prisma.IndicatorDefinitionCreateManyInput[] = [];
  const catalogueTasks: CatalogueTask[] = [];

  [...defs]
    .sort((a, b) => taskCode(a).localeCompare(taskCode(b)))
    .forEach((t, i) => {
      const id = randomUUID();
      const code = taskCode(t);
      const categoryId = categoryIds.get(t.cat);
      if (!categoryId) throw new Error(`Unknown category ${t.cat} for ${code}`);
      const due = new Date(`${t.due}T00:00:00Z`);
      tasks.push({
        id,
        programmeId,
        categoryId,
        code,
        titleZh: t.zh,
        titleEn: t.en,
        descriptionZh: t.descZh,
        descriptionEn: t.descEn,
        doneCriteriaZh: t.doneZh,
        doneCriteriaEn: t.doneEn,
        isMain: t.main ?? true,
        weight: String(t.weight),
        defaultDueDate: due,
        sortOrder: (i + 1) * 10,
        createdAt: created,
      });
      const taskIndicators = (t.ind ?? []).map((d, k) => {
        const row = {
          id: randomUUID(),
          taskId: id,
          code: `I${k + 1}`,
          nameZh: d.zh,
          nameEn: d.en,
          unit: d.unit,
          direction: d.dir ?? ("INCREASE" as const),
          baseline: String(d.base),
          target: String(d.target),
          sortOrder: (k + 1) * 10,
        };
        indicators.push(row);
        return { id: row.id, code: row.code, unit: d.unit, base: d.base, target: d.target };
      });
      catalogueTasks.push({
        id,
        code,
        categoryId,
        isMain: t.main ?? true,
        weight: t.weight,
        due,
        scope: t.scope,
        titleZh: t.zh,
        indicators: taskIndicators,
      });
    });

  return {
    programme,
    milestones: MILESTONES.map((m) => ({ id: randomUUID(), programmeId, ...m })),
    targets: TARGETS.map((t) => ({ id: randomUUID(), programmeId, categoryId: null, ...t })),
    categories,
    tasks,
    indicators,
    catalogueTasks,
    byTaskCode: new Map(catalogueTasks.map((t) => [t.code, t])),
  };
}
