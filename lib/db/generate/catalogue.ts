/**
 * The generated programme: the calendar it is anchored on (the last reported month is the one
 * before `now` whose filing window has closed, or the one before that while a window is open),
 * its categories, main and other tasks, indicators, dated targets, milestones and monthly rounds.
 */
import { addDays, calendarDay, chinaDay, startOfChinaDay } from "@/lib/time";
import { uid } from "./ids";
import type { Preset } from "./presets";

export type Calendar = {
  now: Date;
  /** First day of month 0 (a calendar day, UTC midnight). */
  base: Date;
  /** The last month with filed entries (month index); months - 1. */
  lastPeriod: number;
  /** Whether the round after the last period is open now (its window has not closed). */
  openRound: boolean;
};

const FILING_DAYS = 10;

export function monthDay(cal: Calendar, m: number, day = 1): Date {
  return calendarDay(cal.base.getUTCFullYear(), cal.base.getUTCMonth() + 1 + m, day);
}
export const periodKey = (cal: Calendar, m: number) => monthDay(cal, m).toISOString().slice(0, 7);

export function buildCalendar(now: Date, months: number): Calendar {
  const today = chinaDay(now);
  const open = today.getUTCDate() <= FILING_DAYS;
  const last = calendarDay(today.getUTCFullYear(), today.getUTCMonth() + 1 - (open ? 2 : 1), 1);
  const base = calendarDay(last.getUTCFullYear(), last.getUTCMonth() + 1 - (months - 1), 1);
  return { now, base, lastPeriod: months - 1, openRound: open };
}

const CATEGORIES: [string, string][] = [
  ["科技创新", "Technological innovation"],
  ["产业焕新", "Industrial renewal"],
  ["重组整合", "Restructuring and integration"],
  ["公司治理", "Corporate governance"],
  ["市场化经营机制", "Market-based operating mechanisms"],
  ["国有资本布局优化", "State capital layout"],
  ["混合所有制改革", "Mixed-ownership reform"],
  ["监督体系", "Supervision system"],
  ["风险防控", "Risk prevention and control"],
  ["党的建设", "Party building"],
];

const ACTIONS: [string, string][] = [
  ["健全制度体系", "Build the rules"],
  ["完成专项整治", "Complete the special rectification"],
  ["建立考核机制", "Set up the assessment mechanism"],
  ["推进试点示范", "Advance the pilot projects"],
  ["完成清理退出", "Complete the clean-up and exits"],
  ["落实任期制和契约化管理", "Term and contract management"],
  ["建设数字化平台", "Build the digital platform"],
  ["完善授权放权清单", "Complete the delegation list"],
];

export function buildCatalogue(
  preset: Preset,
  cal: Calendar,
  salt: string,
  centralId: string,
  adminId: string,
) {
  const programmeId = uid(salt, "programme", 0);
  const start = monthDay(cal, 0);
  const end = addDays(monthDay(cal, 36), -1);
  const programme = {
    id: programmeId,
    code: "NSR",
    nameZh: "国有企业改革攻坚行动（全国）",
    nameEn: "National State-Owned Enterprise Reform Action",
    descriptionZh: "全国国资系统统一部署的改革行动：各级国资委监管企业按月填报工作台账。",
    descriptionEn:
      "A nationwide reform action: every SASAC's enterprises report their ledgers monthly.",
    startDate: start,
    endDate: end,
    reportingUntil: end,
    status: "ACTIVE",
    supervisorId: centralId,
  };
  const categories = CATEGORIES.slice(0, preset.categories).map(([zh, en], i) => ({
    id: uid(salt, "category", i),
    programmeId,
    code: `C${String(i + 1).padStart(2, "0")}`,
    nameZh: zh,
    nameEn: en,
    sortOrder: (i + 1) * 10,
  }));
  const total = preset.mainTasks + preset.otherTasks;
  const tasks = Array.from({ length: total }, (_, n) => {
    const cat = categories[n % categories.length]!;
    const seq = Math.floor(n / categories.length) + 1;
    const [az, ae] = ACTIONS[(n * 3 + seq) % ACTIONS.length]!;
    const isMain = n < preset.mainTasks;
    const dueMonth = 12 + ((n * 7) % 24);
    return {
      n,
      id: uid(salt, "task", n),
      programmeId,
      categoryId: cat.id,
      code: `NSR-${cat.code}-${String(seq).padStart(2, "0")}`,
      titleZh: `${cat.nameZh}：${az}（${seq}）`,
      titleEn: `${cat.nameEn}: ${ae} (${seq})`,
      doneCriteriaZh: "制度文件印发并报国资委备案",
      isMain,
      weight: String(1 + (n % 3)),
      defaultDueDate: addDays(monthDay(cal, dueMonth + 1), -1),
      sortOrder: (n + 1) * 10,
      dueMonth,
      // Every eighth task reports an indicator.
      indicator: n % 8 === 3 ? { id: uid(salt, "indicator", n), base: 40, target: 70 } : null,
    };
  });
  const indicators = tasks.flatMap((t) =>
    t.indicator
      ? [
          {
            id: t.indicator.id,
            taskId: t.id,
            code: "RATE",
            nameZh: "覆盖率",
            nameEn: "Coverage",
            unit: "PERCENT",
            direction: "INCREASE",
            baseline: String(t.indicator.base),
            target: String(t.indicator.target),
            sortOrder: 10,
          },
        ]
      : [],
  );
  const targets = [
    [11, "30.00"],
    [23, "70.00"],
    [35, "100.00"],
  ].map(([m, rate], i) => ({
    id: uid(salt, "target", i),
    programmeId,
    categoryId: null,
    dueDate: addDays(monthDay(cal, (m as number) + 1), -1),
    ratePercent: rate as string,
    nameZh: `主要任务完成 ${Number(rate)}%`,
    nameEn: `${Number(rate)}% of main tasks`,
  }));
  const milestones = targets.map((t, i) => ({
    id: uid(salt, "milestone", i),
    programmeId,
    date: t.dueDate,
    nameZh: t.nameZh,
    nameEn: t.nameEn,
  }));
  const rounds = [];
  for (let m = 0; m <= cal.lastPeriod + (cal.openRound ? 2 : 1); m++) {
    const opens = startOfChinaDay(monthDay(cal, m + 1));
    const closes = startOfChinaDay(monthDay(cal, m + 1, FILING_DAYS + 1));
    const status =
      m <= cal.lastPeriod ? "CLOSED" : opens <= cal.now && cal.now < closes ? "OPEN" : "PLANNED";
    rounds.push({
      id: uid(salt, "round", m),
      programmeId,
      periodType: "MONTH",
      period: periodKey(cal, m),
      periodStart: monthDay(cal, m),
      periodEnd: addDays(monthDay(cal, m + 1), -1),
      windowOpensAt: opens,
      windowClosesAt: closes,
      status,
      openedById: status === "PLANNED" ? null : adminId,
      closedAt: status === "CLOSED" ? closes : null,
      createdAt: startOfChinaDay(monthDay(cal, m)),
    });
  }
  return { programme, categories, tasks, indicators, targets, milestones, rounds };
}
export type Catalogue = ReturnType<typeof buildCatalogue>;
