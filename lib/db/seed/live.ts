/**
 * The live demo programme ("CCF"): started 14 months before the day the demo is seeded, three
 * years long, its 70% target on 31 December of the current year and a reporting round open
 * today, with ledger items in every colour of lib/ledger/colour.ts (green, blue, yellow, red),
 * some completed and some claims awaiting review. Everything is dated from `now`; the content is
 * fixed by the seeded generator, so the same day gives the same demo.
 */
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { plannedPercent } from "@/lib/ledger/colour";
import { addDays, calendarDay, chinaDay, DAY_MS, endOfChinaDay, startOfChinaDay } from "@/lib/time";
import { LIVE_CATEGORIES, LIVE_PROGRAMME, LIVE_TASKS } from "./live-catalogue";
import type { Rng } from "./random";
import type { Org, OrgEnterprise } from "./supervisors-enterprises";

const HOUR = 3_600_000;
/** Months from the start to the current month; rounds run for months 0..CURRENT-1. */
const CURRENT = 14;
type Fate = "completed" | "claimed" | "green" | "blue" | "yellow" | "silent" | "red";

export type LiveContext = {
  now: Date;
  supervisorId: string;
  adminId: string;
  authorFor: (node: OrgEnterprise) => string;
  reviewerFor: (node: OrgEnterprise) => string;
};

export function buildLiveProgramme(org: Org, ctx: LiveContext, rng: Rng) {
  const { now } = ctx;
  const today = chinaDay(now);
  const [ty, tm] = [today.getUTCFullYear(), today.getUTCMonth() + 1];
  const month = (k: number, d = 1) => calendarDay(ty, tm - CURRENT + k, d);
  const startDate = month(0);
  const endDate = month(36, 0);
  const programmeId = randomUUID();
  const created = startOfChinaDay(addDays(startDate, -20));
  const programme: Prisma.ProgrammeCreateManyInput = {
    id: programmeId,
    ...LIVE_PROGRAMME,
    startDate,
    endDate,
    status: "ACTIVE",
    supervisorId: ctx.supervisorId,
    closeOffLevels: 1,
    dueSoonDays: 30,
    behindPlanPoints: 15,
    createdAt: created,
  };
  const yearEnd = calendarDay(ty, 12, 31);
  const targets = [
    {
      dueDate: yearEnd,
      ratePercent: "70.00",
      nameZh: `${ty} 年底主要任务完成 70% 以上`,
      nameEn: `70% of main tasks by the end of ${ty}`,
    },
    {
      dueDate: endDate,
      ratePercent: "100.00",
      nameZh: "行动收官主要任务全面完成",
      nameEn: "All main tasks by the end of the action",
    },
  ].map((t) => ({ id: randomUUID(), programmeId, categoryId: null, ...t }));
  const milestones = [
    {
      date: yearEnd,
      nameZh: "完成 70% 以上主要任务",
      nameEn: "More than 70% of main tasks completed",
    },
    { date: endDate, nameZh: "行动收官", nameEn: "Action ends" },
  ].map((m) => ({ id: randomUUID(), programmeId, ...m }));
  const categoryIds = new Map(LIVE_CATEGORIES.map((c) => [c.code, randomUUID()]));
  const categories = LIVE_CATEGORIES.map((c, i) => ({
    id: categoryIds.get(c.code)!,
    programmeId,
    ...c,
    sortOrder: (i + 1) * 10,
  }));
  const tasks = LIVE_TASKS.map((t, i) => ({
    id: randomUUID(),
    programmeId,
    categoryId: categoryIds.get(t.cat)!,
    code: `CCF-${String(i + 1).padStart(2, "0")}`,
    titleZh: t.zh,
    titleEn: t.en,
    isMain: t.main,
    weight: String(t.weight),
    defaultDueDate: month(t.dueMonth, 0),
    sortOrder: (i + 1) * 10,
    createdAt: created,
  }));

  // Monthly rounds for months 0..CURRENT-1, windows the 1st-10th of the next month; the last
  // one is open now, its window reaching at least five days ahead.
  const rounds: Prisma.ReportingRoundCreateManyInput[] = [];
  for (let k = 0; k < CURRENT; k++) {
    const open = k === CURRENT - 1;
    const windowOpensAt = startOfChinaDay(month(k + 1));
    const lastDay = open
      ? new Date(Math.max(month(k + 1, 10).getTime(), addDays(today, 5).getTime()))
      : month(k + 1, 10);
    const windowClosesAt = new Date(endOfChinaDay(lastDay).getTime() - 999);
    const start = month(k);
    rounds.push({
      id: randomUUID(),
      programmeId,
      periodType: "MONTH",
      period: `${start.getUTCFullYear()}-${String(start.getUTCMonth() + 1).padStart(2, "0")}`,
      periodStart: start,
      periodEnd: month(k + 1, 0),
      windowOpensAt,
      windowClosesAt,
      status: open ? "OPEN" : "CLOSED",
      openedById: ctx.adminId,
      closedAt: open ? null : new Date(windowClosesAt.getTime() + 1000),
      createdAt: new Date(windowOpensAt.getTime() - 3 * DAY_MS),
    });
  }
  /** When period k's entry is filed: a working hour early in its window, never after now. */
  const filed = (k: number, r: Rng): Date | null => {
    const opens = rounds[k]!.windowOpensAt as Date;
    const at = new Date(opens.getTime() + (r.int(1, 8) * 24 + r.int(9, 17)) * HOUR);
    if (at < now) return at;
    const soon = new Date(opens.getTime() + r.int(1, 6) * HOUR);
    return soon < new Date(now.getTime() - 10 * 60_000) ? soon : null;
  };

  const items: Prisma.LedgerItemCreateManyInput[] = [];
  const entries: Prisma.ProgressEntryCreateManyInput[] = [];
  const reviews: Prisma.EntryReviewCreateManyInput[] = [];
  const events: Prisma.LedgerStatusEventCreateManyInput[] = [];
  const itemCreated = new Date(startOfChinaDay(month(1, 5)).getTime() + 10 * HOUR);
  const fateCount: Record<Fate, number> = {
    completed: 0,
    claimed: 0,
    green: 0,
    blue: 0,
    yellow: 0,
    silent: 0,
    red: 0,
  };

  for (const node of org.nodes) {
    const r = rng.fork(node.code);
    const mine = LIVE_TASKS.map((t, i) => ({ t, row: tasks[i]! })).filter(({ t }) =>
      node.depth === 0 ? true : t.scope === "A" && r.chance(0.6),
    );
    let forcedGreen = ["CRRC", "TELECOM"].includes(node.code) ? 2 : 0;
    for (const { t, row } of mine) {
      const u = r.float();
      let fate: Fate = !t.main
        ? u < 0.5
          ? "completed"
          : "green"
        : u < 0.3
          ? "completed"
          : u < 0.37
            ? "claimed"
            : u < 0.6
              ? "green"
              : u < 0.7
                ? "blue"
                : u < 0.8
                  ? "yellow"
                  : u < 0.87
                    ? "silent"
                    : "red";
      // The e2e specs take the last main items in progress of these groups: keep two green ones.
      if (t.main && forcedGreen > 0) [fate, forcedGreen] = ["green", forcedGreen - 1];
      let due = row.defaultDueDate;
      if (fate === "green" || fate === "yellow" || fate === "silent" || fate === "claimed")
        due = new Date(Math.max(due.getTime(), addDays(today, r.int(75, 300)).getTime()));
      if (fate === "blue") due = addDays(today, r.int(5, 25));
      if (fate === "red") due = addDays(today, -r.int(10, 90));
      due = new Date(Math.min(due.getTime(), endDate.getTime()));
      const planned = plannedPercent(startDate, due, today);
      if (fate === "yellow" && planned < 30) fate = "silent";
      const claimK = fate === "completed" ? r.int(4, CURRENT - 2) : null;
      const lastK =
        fate === "silent"
          ? r.int(CURRENT - 5, CURRENT - 4)
          : fate === "completed"
            ? claimK!
            : filed(CURRENT - 1, r)
              ? CURRENT - 1
              : CURRENT - 2;
      const final =
        fate === "yellow"
          ? Math.max(0, planned - 20 - r.int(0, 12))
          : fate === "red"
            ? r.int(50, 90)
            : Math.min(95, planned + r.int(0, 8));
      fateCount[fate] += 1;

      const id = randomUUID();
      const author = ctx.authorFor(node);
      const reviewer = ctx.reviewerFor(node);
      let status: "NOT_STARTED" | "IN_PROGRESS" | "COMPLETION_CLAIMED" | "COMPLETED" =
        "NOT_STARTED";
      let percent = 0;
      let lastEntryAt: Date | null = null;
      let claimedAt: Date | null = null;
      let completedAt: Date | null = null;
      let version = 1;
      for (let k = 1; k <= lastK; k++) {
        const at = filed(k, r);
        if (!at) continue;
        const claim = (fate === "completed" || fate === "claimed") && k === lastK;
        const pct = claim ? 100 : Math.round((final * k) / lastK);
        const to = claim ? "COMPLETION_CLAIMED" : "IN_PROGRESS";
        const entryId = randomUUID();
        const reviewedAt = new Date(at.getTime() + r.int(1, 3) * DAY_MS + r.int(0, 5) * HOUR);
        const reviewed = reviewedAt < now && !(fate === "claimed" && claim);
        entries.push({
          id: entryId,
          ledgerItemId: id,
          kind: claim ? "COMPLETION_CLAIM" : "PROGRESS",
          periodType: "MONTH",
          period: rounds[k]!.period,
          periodStart: rounds[k]!.periodStart,
          periodEnd: rounds[k]!.periodEnd,
          roundId: rounds[k]!.id,
          narrative: claim
            ? `${row.titleZh}：各项工作已全部完成，申请销号。`
            : `${rounds[k]!.period} 按计划推进“${row.titleZh}”，累计完成 ${pct}%。`,
          percentDone: pct,
          status: to,
          reviewState: reviewed ? "APPROVED" : "SUBMITTED",
          late: false,
          authorId: author,
          createdAt: at,
        });
        if (status !== to)
          events.push({
            ledgerItemId: id,
            fromStatus: status,
            toStatus: to,
            percentDone: pct,
            at,
            actorId: author,
            entryId,
          });
        [status, percent, lastEntryAt] = [to, pct, at];
        version += 1;
        if (claim) claimedAt = at;
        if (reviewed) {
          reviews.push({
            id: randomUUID(),
            entryId,
            reviewerId: reviewer,
            decision: "APPROVE",
            comment: null,
            createdAt: reviewedAt,
          });
          if (claim) {
            events.push({
              ledgerItemId: id,
              fromStatus: status,
              toStatus: "COMPLETED",
              percentDone: 100,
              at: reviewedAt,
              actorId: reviewer,
              entryId,
            });
            [status, completedAt] = ["COMPLETED", reviewedAt];
            version += 1;
          }
        }
      }
      items.push({
        id,
        programmeId,
        taskId: row.id,
        categoryId: row.categoryId,
        isMain: t.main,
        enterpriseId: node.id,
        notApplicable: false,
        notApplicableReason: null,
        responsibleDept: "改革办",
        responsiblePerson: null,
        responsiblePhone: null,
        dueDate: due,
        status,
        percentDone: percent,
        lastEntryAt,
        claimedAt,
        completedAt,
        version,
        createdAt: itemCreated,
        updatedAt: lastEntryAt ?? itemCreated,
      });
    }
  }
  return {
    programme,
    targets,
    milestones,
    categories,
    tasks,
    rounds,
    items,
    entries,
    reviews,
    events,
    fateCount,
  };
}
