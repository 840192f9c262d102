/**
 * The append-only history of every ledger item: monthly progress entries (filed in the first ten
 * days of the following month, a few late), indicator values moving from baseline to target,
 * reviews, completion claims with evidence, and a status event for every status change. The item
 * rows are derived from that history, so lastEntryAt, claimedAt, completedAt, status and percent
 * done always agree with it.
 */
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { LAST_PERIOD, type ItemPlan } from "./assignments";
import { unitPlaces } from "./catalogue";
import {
  APPROVE_CLAIM_COMMENTS,
  RETURN_COMMENTS,
  claimStatement,
  progressNarrative,
} from "./people-cases";
import {
  addDays,
  filingInstant,
  fixed,
  periodEnd,
  periodKey,
  periodStart,
  type Rng,
} from "./random";
import type { OrgEnterprise } from "./supervisors-enterprises";

export type HistoryContext = {
  programmeId: string;
  roundIds: Map<number, string>;
  authorFor: (node: OrgEnterprise) => string;
  reviewerFor: (node: OrgEnterprise) => string;
  doneCriteria: Map<string, string>;
  createdAt: Date;
};

export type ItemOutcome = { status: string; completedAt: Date | null; lastEntryAt: Date | null };

export type History = {
  items: Prisma.LedgerItemCreateManyInput[];
  indicatorTargets: Prisma.LedgerIndicatorTargetCreateManyInput[];
  entries: Prisma.ProgressEntryCreateManyInput[];
  values: Prisma.IndicatorValueCreateManyInput[];
  reviews: Prisma.EntryReviewCreateManyInput[];
  events: Prisma.LedgerStatusEventCreateManyInput[];
  evidence: Prisma.EvidenceCreateManyInput[];
  filings: Prisma.RoundFilingCreateManyInput[];
  outcomes: Map<string, ItemOutcome>;
};

type Filing = { at: Date; late: boolean; count: number; authorId: string; last: Date };

/** Periods from `from` to `to` with gaps of one to three months; `to` itself when `forceLast`. */
function periodsBetween(from: number, to: number, forceLast: boolean, rng: Rng): number[] {
  const out: number[] = [];
  for (let t = from; t <= to; t += rng.pick([1, 1, 1, 1, 1, 1, 2, 2, 3])) out.push(t);
  if (forceLast && out.at(-1) !== to) out.push(to);
  return out;
}

export function buildHistory(plans: ItemPlan[], ctx: HistoryContext, rng: Rng): History {
  const h: History = {
    items: [],
    indicatorTargets: [],
    entries: [],
    values: [],
    reviews: [],
    events: [],
    evidence: [],
    filings: [],
    outcomes: new Map(),
  };
  const filings = new Map<string, Filing>();
  const lateness = rng.fork("lateness");

  /** All of an enterprise's entries for a period are filed together, on one day. */
  const fileAt = (
    node: OrgEnterprise,
    period: number,
    authorId: string,
  ): { at: Date; late: boolean } => {
    const key = `${node.id}:${period}`;
    let f = filings.get(key);
    if (!f) {
      const late = period < LAST_PERIOD && lateness.chance(0.04);
      const d =
        period === LAST_PERIOD
          ? lateness.int(1, 20)
          : late
            ? lateness.int(11, 18)
            : lateness.int(1, 10);
      const at = filingInstant(period, d, lateness);
      f = { at, late, count: 0, authorId, last: at };
      filings.set(key, f);
    }
    f.count += 1;
    const at = new Date(f.at.getTime() + f.count * 41_000);
    if (at > f.last) f.last = at;
    return { at, late: f.late };
  };

  for (const plan of plans) {
    const r = rng.fork(`${plan.task.code}@${plan.enterprise.code}`);
    const node = plan.enterprise;
    const author = ctx.authorFor(node);
    const reviewer = ctx.reviewerFor(node);
    const fate = plan.fate;
    let status: "NOT_STARTED" | "IN_PROGRESS" | "COMPLETION_CLAIMED" | "COMPLETED" = "NOT_STARTED";
    let pct = 0;
    let lastEntryAt: Date | null = null;
    let claimedAt: Date | null = null;
    let completedAt: Date | null = null;
    let updatedAt = ctx.createdAt;
    let version = 1;

    for (const [indicatorId, t] of plan.indicatorTargets) {
      if (t.override)
        h.indicatorTargets.push({
          ledgerItemId: plan.id,
          indicatorId,
          baseline: String(t.base),
          target: String(t.target),
        });
    }

    const event = (toStatus: typeof status, at: Date, actorId: string, entryId: string) => {
      h.events.push({
        ledgerItemId: plan.id,
        fromStatus: status,
        toStatus,
        percentDone: pct,
        at,
        actorId,
        entryId,
      });
      status = toStatus;
      if (at > updatedAt) updatedAt = at;
    };

    const recordValues = (
      entryId: string,
      at: Date,
      fraction: number,
      final: boolean,
      returned: boolean,
    ) => {
      for (const ind of plan.task.indicators) {
        const t = plan.indicatorTargets.get(ind.id)!;
        const places = unitPlaces(ind.unit);
        let v = final
          ? t.target + (r.chance(0.4) ? (t.target - t.base) * 0.05 : 0)
          : t.base + (t.target - t.base) * fraction * (0.88 + r.float() * 0.16);
        if (ind.unit === "COUNT" || ind.unit === "PERSON") v = Math.max(0, v);
        if (ind.unit === "PERCENT" && t.target <= 100) v = Math.min(100, v);
        h.values.push({
          id: randomUUID(),
          entryId,
          indicatorId: ind.id,
          value: fixed(v, places),
          ledgerItemId: plan.id,
          createdAt: at,
          returned,
        });
      }
    };

    const addEntry = (
      period: number,
      kind: "PROGRESS" | "NO_CHANGE" | "COMPLETION_CLAIM",
      narrative: string,
      review: "APPROVE" | "RETURN" | null,
    ) => {
      const { at, late } = fileAt(node, period, author);
      const id = randomUUID();
      const claim = kind === "COMPLETION_CLAIM";
      const reviewState =
        review === "APPROVE" ? "APPROVED" : review === "RETURN" ? "RETURNED" : "SUBMITTED";
      h.entries.push({
        id,
        ledgerItemId: plan.id,
        kind,
        periodType: "MONTH",
        period: periodKey(period),
        periodStart: periodStart(period),
        periodEnd: periodEnd(period),
        roundId: ctx.roundIds.get(period) ?? null,
        narrative,
        percentDone: claim ? 100 : pct,
        status: claim ? "COMPLETION_CLAIMED" : "IN_PROGRESS",
        reviewState,
        late,
        authorId: author,
        createdAt: at,
      });
      version += 1;
      lastEntryAt = at;
      if (at > updatedAt) updatedAt = at;
      if (plan.task.indicators.length && (claim || r.chance(0.8)))
        recordValues(id, at, pct / 100, claim, reviewState === "RETURNED");
      if (status === "NOT_STARTED") event("IN_PROGRESS", at, author, id);
      if (claim) {
        claimedAt = at;
        pct = 100;
        event("COMPLETION_CLAIMED", at, author, id);
        h.evidence.push({
          id: randomUUID(),
          ledgerItemId: plan.id,
          entryId: id,
          kind: "LINK",
          url: `https://oa.example.gov.cn/reform/${node.code.toLowerCase()}/${plan.task.code.toLowerCase()}/acceptance`,
          title: `验收材料：${plan.task.titleZh}`,
          uploadedById: author,
          createdAt: at,
        });
      }
      if (review) {
        const reviewedAt = addDays(at, claim ? r.int(2, 8) : r.int(1, 5), r);
        const comment = !claim
          ? null
          : review === "APPROVE"
            ? r.pick(APPROVE_CLAIM_COMMENTS)
            : r.pick(RETURN_COMMENTS);
        h.reviews.push({
          id: randomUUID(),
          entryId: id,
          reviewerId: reviewer,
          decision: review,
          comment,
          createdAt: reviewedAt,
        });
        if (reviewedAt > updatedAt) updatedAt = reviewedAt;
        if (claim && review === "APPROVE") {
          completedAt = reviewedAt;
          version += 1;
          event("COMPLETED", reviewedAt, reviewer, id);
        } else if (claim) {
          version += 1;
          pct = h.entries.at(-2)?.percentDone ?? 90;
          event("IN_PROGRESS", reviewedAt, reviewer, id);
        }
      }
      return id;
    };

    /** Progress entries on `periods`, with percent done rising towards `finalPct`. */
    const progress = (periods: number[], finalPct: number, stalled = false) => {
      const first = periods[0];
      const lastP = periods.at(-1);
      if (first === undefined || lastP === undefined) return;
      const span = lastP - plan.start + 1;
      for (const t of periods) {
        const isStalled = stalled && t > lastP - 5;
        const planned =
          Math.round(5 + (finalPct - 5) * ((t - plan.start + 1) / span) ** 0.85) + r.int(-2, 2);
        const next = isStalled ? pct : Math.min(finalPct, Math.max(pct, planned, 1));
        const kind = next === pct && status !== "NOT_STARTED" ? "NO_CHANGE" : "PROGRESS";
        pct = next;
        const narrative =
          kind === "NO_CHANGE" && !isStalled
            ? "本月无新进展，继续按计划推进。"
            : progressNarrative(r, {
                task: plan.task.titleZh,
                dept: plan.dept,
                pct,
                stalled: isStalled,
              });
        addEntry(t, kind, narrative, t === LAST_PERIOD ? null : "APPROVE");
      }
    };

    const statement = () =>
      claimStatement({ task: plan.task.titleZh, done: ctx.doneCriteria.get(plan.task.id) ?? "" });

    if (fate.kind === "completed") {
      const finalClaim = fate.claim;
      const firstClaim = fate.returned ? finalClaim - 2 : finalClaim;
      progress(periodsBetween(plan.start, firstClaim - 1, false, r), r.int(88, 96));
      if (fate.returned) {
        addEntry(firstClaim, "COMPLETION_CLAIM", statement(), "RETURN");
        pct = Math.min(99, pct + r.int(1, 3));
        addEntry(
          finalClaim - 1,
          "PROGRESS",
          "已按审核意见补充相关材料，整改事项全部完成。",
          "APPROVE",
        );
      }
      addEntry(finalClaim, "COMPLETION_CLAIM", statement(), "APPROVE");
    } else if (fate.kind === "open") {
      progress(periodsBetween(plan.start, fate.last, true, r), fate.finalPct, fate.stalled);
    } else if (fate.kind === "claimed") {
      progress(periodsBetween(plan.start, LAST_PERIOD - 1, true, r), r.int(88, 96));
      addEntry(LAST_PERIOD, "COMPLETION_CLAIM", statement(), null);
    }

    h.items.push({
      id: plan.id,
      programmeId: ctx.programmeId,
      taskId: plan.task.id,
      categoryId: plan.task.categoryId,
      isMain: plan.task.isMain,
      enterpriseId: node.id,
      notApplicable: fate.kind === "na",
      notApplicableReason: fate.kind === "na" ? fate.reason : null,
      responsibleDept: plan.dept,
      responsiblePerson: plan.person,
      responsiblePhone: plan.phone,
      dueDate: plan.due,
      status,
      percentDone: pct,
      lastEntryAt,
      claimedAt,
      completedAt,
      version,
      createdAt: ctx.createdAt,
      updatedAt,
    });
    h.outcomes.set(plan.id, { status, completedAt, lastEntryAt });
  }

  for (const [key, f] of filings) {
    const [enterpriseId, period] = key.split(":");
    const roundId = ctx.roundIds.get(Number(period));
    if (roundId)
      h.filings.push({
        roundId,
        enterpriseId: enterpriseId!,
        filedAt: f.last,
        filedById: f.authorId,
        late: f.late,
      });
  }
  return h;
}
