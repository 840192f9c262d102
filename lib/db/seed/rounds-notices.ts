/**
 * Reporting rounds (one a month, filing window the 1st-10th of the following month; the October
 * 2026 round is still open), supervision notices (督办) on items that were or are overdue, and
 * the typical cases with their task and enterprise links.
 */
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { FIRST_PERIOD, LAST_PERIOD, type ItemPlan } from "./assignments";
import type { Catalogue } from "./catalogue";
import type { ItemOutcome } from "./history";
import { TYPICAL_CASES } from "./people-cases";
import { DAY, cst, monthOf, periodEnd, periodKey, periodStart } from "./random";
import type { Org, OrgEnterprise } from "./supervisors-enterprises";

export function buildRounds(programmeId: string, adminId: string) {
  const rounds: Prisma.ReportingRoundCreateManyInput[] = [];
  const roundIds = new Map<number, string>();
  for (let p = FIRST_PERIOD; p <= LAST_PERIOD; p++) {
    const id = randomUUID();
    const { y, m } = monthOf(p + 1);
    const open = p === LAST_PERIOD;
    const windowOpensAt = cst(y, m, 1);
    const windowClosesAt = open ? cst(y, m, 30, 23, 59, 59) : cst(y, m, 10, 23, 59, 59);
    rounds.push({
      id,
      programmeId,
      periodType: "MONTH",
      period: periodKey(p),
      periodStart: periodStart(p),
      periodEnd: periodEnd(p),
      windowOpensAt,
      windowClosesAt,
      status: open ? "OPEN" : "CLOSED",
      openedById: adminId,
      closedAt: open ? null : new Date(windowClosesAt.getTime() + 1000),
      createdAt: new Date(windowOpensAt.getTime() - 3 * DAY),
    });
    roundIds.set(p, id);
  }
  return { rounds, roundIds };
}

export type NoticeContext = {
  programmeId: string;
  supervisorIds: Map<string, string>;
  userIds: Map<string, string>;
  authorFor: (node: OrgEnterprise) => string;
};

type NoticeSpec = {
  number: string;
  supervisor: string;
  issuer: string;
  issuedAt: Date;
  responseDueAt: Date;
  level: "BLUE" | "YELLOW" | "RED";
  requiredAction: string;
  pick: (p: ItemPlan, o: ItemOutcome) => boolean;
  reply?: { at: Date; body: string };
  /** Close when every item is completed; otherwise the status after the reply (or OPEN). */
  closeWhenDone: boolean;
};

export function buildNotices(
  plans: ItemPlan[],
  outcomes: Map<string, ItemOutcome>,
  ctx: NoticeContext,
) {
  const notices: Prisma.SupervisionNoticeCreateManyInput[] = [];
  const noticeItems: Prisma.NoticeItemCreateManyInput[] = [];
  const replies: Prisma.NoticeReplyCreateManyInput[] = [];
  const used = new Set<string>();
  const central = (p: ItemPlan) => p.enterprise.supervisorCode === "SASAC-SC";
  const completedAfter = (o: ItemOutcome, d: Date) => !o.completedAt || o.completedAt > d;

  const specs: NoticeSpec[] = [
    {
      number: "督办-2025-0001",
      supervisor: "SASAC-SC",
      issuer: "reviewer-central",
      level: "YELLOW",
      issuedAt: cst(2025, 3, 12, 10),
      responseDueAt: cst(2025, 3, 26, 18),
      requiredAction:
        "以下台账事项已超过完成时限，请于 3 月 26 日前报送滞后原因分析和整改计划，并逐月报告整改进展。",
      pick: (p, o) =>
        central(p) &&
        p.task.isMain &&
        p.dueIdx <= 23 &&
        completedAfter(o, cst(2025, 3, 20)) &&
        !!o.completedAt &&
        o.completedAt < cst(2025, 12, 31),
      reply: {
        at: cst(2025, 3, 24, 15),
        body: "已召开专题会议分析滞后原因，制定整改计划并明确责任人，预计三季度前全部完成。",
      },
      closeWhenDone: true,
    },
    {
      number: "督办-2025-0002",
      supervisor: "SASAC-CQ",
      issuer: "admin",
      level: "BLUE",
      issuedAt: cst(2025, 11, 20, 10),
      responseDueAt: cst(2025, 12, 5, 18),
      requiredAction: "以下事项临近行动收官仍未完成，请加快推进，确保年底前完成销号。",
      pick: (p, o) =>
        p.enterprise.supervisorCode === "SASAC-CQ" &&
        p.task.isMain &&
        completedAfter(o, cst(2025, 11, 20)),
      reply: { at: cst(2025, 12, 2, 16), body: "已制定冲刺计划，由分管领导挂帅推进，按周调度。" },
      closeWhenDone: true,
    },
    {
      number: "督办-2026-0001",
      supervisor: "SASAC-SC",
      issuer: "reviewer-central",
      level: "RED",
      issuedAt: cst(2026, 1, 12, 10),
      responseDueAt: cst(2026, 1, 26, 18),
      requiredAction:
        "行动已收官，以下主要任务仍未完成，列入重点督办。请于 1 月 26 日前书面说明情况，明确完成时限。",
      pick: (p, o) =>
        central(p) &&
        !["CRRC", "TELECOM"].includes(p.enterprise.rootCode) &&
        p.task.isMain &&
        o.status === "IN_PROGRESS",
      reply: {
        at: cst(2026, 1, 23, 11),
        body: "已成立由主要负责同志牵头的工作专班，倒排工期，力争上半年完成。",
      },
      closeWhenDone: false,
    },
    {
      number: "督办-2026-0002",
      supervisor: "SASAC-HN",
      issuer: "reviewer-hunan",
      level: "RED",
      issuedAt: cst(2026, 11, 16, 10),
      responseDueAt: cst(2026, 11, 30, 18),
      requiredAction: "以下省属企业主要任务逾期未完成，请于 11 月 30 日前报送整改方案和完成时限。",
      pick: (p, o) =>
        p.enterprise.supervisorCode === "SASAC-HN" && p.task.isMain && o.status === "IN_PROGRESS",
      closeWhenDone: false,
    },
  ];

  for (const spec of specs) {
    const picked = plans
      .filter((p) => !used.has(p.id) && spec.pick(p, outcomes.get(p.id)!))
      .slice(0, 3);
    if (!picked.length) continue;
    const id = randomUUID();
    picked.forEach((p) => {
      used.add(p.id);
      noticeItems.push({ noticeId: id, ledgerItemId: p.id, repliedAt: spec.reply?.at ?? null });
    });
    const completions = picked.map((p) => outcomes.get(p.id)!.completedAt);
    const allDone = completions.every((c) => c !== null);
    const doneAt = allDone
      ? new Date(Math.max(...completions.map((c) => c!.getTime())) + DAY)
      : null;
    const status = spec.closeWhenDone && doneAt ? "CLOSED" : spec.reply ? "REPLIED" : "OPEN";
    notices.push({
      id,
      number: spec.number,
      programmeId: ctx.programmeId,
      supervisorId: ctx.supervisorIds.get(spec.supervisor)!,
      issuedById: ctx.userIds.get(spec.issuer)!,
      level: spec.level,
      requiredAction: spec.requiredAction,
      responseDueAt: spec.responseDueAt,
      status,
      closedAt: status === "CLOSED" ? doneAt : null,
      version: 1 + (spec.reply ? 1 : 0) + (status === "CLOSED" ? 1 : 0),
      createdAt: spec.issuedAt,
    });
    if (spec.reply) {
      replies.push({
        id: randomUUID(),
        noticeId: id,
        authorId: ctx.authorFor(picked[0]!.enterprise),
        body: spec.reply.body,
        createdAt: spec.reply.at,
      });
    }
  }
  return { notices, noticeItems, replies };
}

export function buildTypicalCases(org: Org, catalogue: Catalogue, adminId: string) {
  const cases: Prisma.TypicalCaseCreateManyInput[] = [];
  const caseTasks: Prisma.TypicalCaseTaskCreateManyInput[] = [];
  const caseEnterprises: Prisma.TypicalCaseEnterpriseCreateManyInput[] = [];
  for (const c of TYPICAL_CASES) {
    const id = randomUUID();
    const [y, m, d] = c.published.split("-").map(Number) as [number, number, number];
    const publishedAt = cst(y, m, d, 10);
    cases.push({
      id,
      titleZh: c.titleZh,
      titleEn: c.titleEn,
      summaryZh: c.summaryZh,
      summaryEn: c.summaryEn,
      bodyZh: c.bodyZh,
      bodyEn: c.bodyEn,
      supervisorId: org.supervisorIds.get(c.supervisor) ?? null,
      publishedAt,
      createdById: adminId,
      createdAt: publishedAt,
    });
    for (const code of c.tasks) {
      const task = catalogue.byTaskCode.get(code);
      if (task) caseTasks.push({ caseId: id, taskId: task.id });
    }
    for (const code of c.enterprises) {
      const node = org.byCode.get(code);
      if (node) caseEnterprises.push({ caseId: id, enterpriseId: node.id });
    }
  }
  return { cases, caseTasks, caseEnterprises };
}
