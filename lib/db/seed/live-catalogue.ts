/**
 * The catalogue of the live demo programme (code "CCF"): a programme that is always running,
 * its dates relative to the day the demo is seeded, so every screen shows a live situation.
 */
import { CATEGORIES } from "./catalogue";

export const LIVE_PROGRAMME = {
  code: "CCF",
  nameZh: "提升核心竞争力和增强核心功能专项行动",
  nameEn: "Special Action on Core Competitiveness and Core Functions",
  descriptionZh:
    "围绕科技创新、产业焕新、重组整合、经营机制、公司治理和党的建设，分三年推进，第二年底完成 70% 以上主要任务。",
  descriptionEn:
    "Three years of work on innovation, new industries, reorganisation, operating mechanisms, governance and " +
    "party building: more than 70% of the main tasks completed by the end of the second year.",
};

/** Lines of work of the live programme: a subset of the catalogue's categories. */
export const LIVE_CATEGORIES = CATEGORIES.filter((c) =>
  ["C01", "C02", "C03", "C06", "C07", "C10"].includes(c.code),
);

export type LiveTask = {
  cat: string;
  zh: string;
  en: string;
  main: boolean;
  weight: 1 | 2 | 3;
  /** Catalogue due date, in months after the programme's start. */
  dueMonth: number;
  /** G: groups only; A: groups and subsidiaries. */
  scope: "G" | "A";
};

export const LIVE_TASKS: LiveTask[] = [
  {
    cat: "C01",
    zh: "制定关键核心技术攻关清单",
    en: "Draw up the list of key core technologies to tackle",
    main: true,
    weight: 2,
    dueMonth: 9,
    scope: "G",
  },
  {
    cat: "C01",
    zh: "建设高水平创新联合体",
    en: "Build high-level innovation consortia",
    main: true,
    weight: 3,
    dueMonth: 24,
    scope: "G",
  },
  {
    cat: "C02",
    zh: "提高战略性新兴产业投资占比",
    en: "Raise the share of investment in strategic emerging industries",
    main: true,
    weight: 3,
    dueMonth: 18,
    scope: "A",
  },
  {
    cat: "C02",
    zh: "布局未来产业孵化平台",
    en: "Set up incubators for future industries",
    main: true,
    weight: 2,
    dueMonth: 30,
    scope: "G",
  },
  {
    cat: "C03",
    zh: "完成专业化整合项目",
    en: "Complete the professional integration projects",
    main: true,
    weight: 3,
    dueMonth: 20,
    scope: "G",
  },
  {
    cat: "C06",
    zh: "全面推行经理层成员任期制和契约化管理",
    en: "Tenure system and contractual management for all managers",
    main: true,
    weight: 2,
    dueMonth: 12,
    scope: "A",
  },
  {
    cat: "C06",
    zh: "深化三项制度改革",
    en: "Deepen the three institutional reforms",
    main: true,
    weight: 2,
    dueMonth: 15,
    scope: "A",
  },
  {
    cat: "C07",
    zh: "落实董事会职权，外部董事占多数",
    en: "Board powers in force, outside directors in the majority",
    main: true,
    weight: 2,
    dueMonth: 14,
    scope: "A",
  },
  {
    cat: "C07",
    zh: "修订党委前置研究讨论重大经营管理事项清单",
    en: "Revise the party committee's pre-research list of major matters",
    main: true,
    weight: 1,
    dueMonth: 10,
    scope: "G",
  },
  {
    cat: "C10",
    zh: "推动党建工作与生产经营深度融合",
    en: "Integrate party building with operations",
    main: true,
    weight: 1,
    dueMonth: 22,
    scope: "A",
  },
  {
    cat: "C01",
    zh: "开展科技成果转化案例总结",
    en: "Write up cases of research results put to use",
    main: false,
    weight: 1,
    dueMonth: 16,
    scope: "G",
  },
  {
    cat: "C10",
    zh: "开展改革宣传和典型案例推广",
    en: "Publicise the reform and spread typical cases",
    main: false,
    weight: 1,
    dueMonth: 26,
    scope: "G",
  },
];
